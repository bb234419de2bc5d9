SELECT
  channel,
  COUNT(*) AS signups
FROM users
WHERE signup_at >= '2024-01-01'
  AND signup_at < '2025-01-01'
GROUP BY channel
ORDER BY signups DESC, channel;
