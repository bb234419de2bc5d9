-- mistake: counts sessions, anonymous ones included, instead of distinct signed-in users
WITH per_device AS (
  SELECT device, COUNT(*) / 31.0 AS avg_dau, COUNT(DISTINCT user_id) AS mau
  FROM sessions
  WHERE started_at >= '2025-03-01' AND started_at < '2025-04-01'
  GROUP BY device
)
SELECT device, ROUND(avg_dau, 1) AS avg_dau, mau,
  ROUND(100.0 * avg_dau / mau, 1) AS stickiness_pct
FROM per_device
ORDER BY stickiness_pct DESC, device;
