-- rewrite: conversion percent left unrounded (it agrees with the reference to the 2 declared decimals), rows sorted by it, ties by channel
WITH converted AS (
  SELECT DISTINCT session_id FROM orders
)
SELECT
  channel,
  COUNT(*) AS sessions,
  COUNT(converted.session_id) AS converted_sessions,
  COUNT(converted.session_id) * 100.0 / COUNT(*) AS conversion_pct
FROM sessions
LEFT JOIN converted USING (session_id)
GROUP BY channel
ORDER BY conversion_pct DESC, channel;
