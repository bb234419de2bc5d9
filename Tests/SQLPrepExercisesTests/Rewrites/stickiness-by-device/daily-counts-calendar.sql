-- rewrite: DAU per day on a 31-day calendar (zero days included), averaged, then divided by MAU
WITH RECURSIVE days(d) AS (SELECT '2025-03-01' UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < '2025-03-31'),
devices(device) AS (SELECT DISTINCT device FROM sessions),
dau AS (
  SELECT device, date(started_at) AS d, COUNT(DISTINCT user_id) AS n
  FROM sessions WHERE user_id IS NOT NULL AND started_at BETWEEN '2025-03-01' AND '2025-03-31 23:59:59'
  GROUP BY 1, 2
),
per_device AS (
  SELECT v.device, AVG(COALESCE(dau.n, 0)) AS avg_dau,
    (SELECT COUNT(DISTINCT user_id) FROM sessions s WHERE s.device = v.device AND s.user_id IS NOT NULL
       AND s.started_at >= '2025-03-01' AND s.started_at < '2025-04-01') AS mau
  FROM devices v CROSS JOIN days LEFT JOIN dau ON dau.device = v.device AND dau.d = days.d
  GROUP BY v.device
)
SELECT device, ROUND(avg_dau, 1) AS avg_dau, mau, ROUND(100.0 * avg_dau / mau, 1) AS stickiness_pct
FROM per_device
ORDER BY stickiness_pct DESC, device;
