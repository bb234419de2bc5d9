-- rewrite: conversion percent left unrounded (it agrees with the reference to the 2 declared decimals), rows sorted by it, ties by channel
-- rejected: NOT on the built-in dataset (passes there), but on `scale: tiny` + `seed: 16` (and seed 19).
--   Seed 16: reference rows are email 8.9, direct 8.89 (not tied), in that order; this query gives
--   email 8.8975, direct 8.8947 in the same order, and every value matches - yet the verdict is
--   wrong_order. ResultComparison.firstOutOfOrder/sqliteOrder treat 8.8975 and 8.8947 as tied
--   (|diff| <= 0.5e-2 tolerance), fall through to the tie-break key `channel`, and demand
--   direct < email, i.e. an order that contradicts the reference's own order.
-- reproduce: copy Exercises/ to a scratch course, set `scale: tiny` and `seed: 16` in this exercise's
--   exercise.txt, then `sqlprep submit THIS_FILE --course SCRATCH --exercise session-conversion-by-channel`.
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
