-- mistake: divides by the integer 31, so average DAU is truncated to a whole number
-- trap: integer-division
WITH user_days AS (
  SELECT DISTINCT device, user_id, date(started_at) AS day
  FROM sessions
  WHERE user_id IS NOT NULL AND started_at >= '2025-03-01' AND started_at < '2025-04-01'
),
per_device AS (
  SELECT device, COUNT(*) / 31 AS avg_dau, COUNT(DISTINCT user_id) AS mau
  FROM user_days
  GROUP BY device
)
SELECT device, ROUND(avg_dau, 1) AS avg_dau, mau,
  ROUND(100.0 * avg_dau / mau, 1) AS stickiness_pct
FROM per_device
ORDER BY stickiness_pct DESC, device;
