-- mistake: ends the year at '2024-12-31 23:59', which sorts before '2024-12-31 23:59:30', so sign-ups in the year's last minute are lost
-- trap: date-window
SELECT
  channel,
  COUNT(*) AS signups
FROM users
WHERE signup_at >= '2024-01-01'
  AND signup_at <= '2024-12-31 23:59'
GROUP BY channel
ORDER BY signups DESC, channel;
