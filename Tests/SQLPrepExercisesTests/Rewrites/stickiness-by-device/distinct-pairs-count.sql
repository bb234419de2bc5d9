-- rewrite: user-days counted as DISTINCT user_id || day strings, divided by 31.0 in the outer query
SELECT device,
  ROUND(COUNT(DISTINCT user_id || '@' || date(started_at)) / 31.0, 1) AS avg_dau,
  COUNT(DISTINCT user_id) AS mau,
  ROUND(100.0 * COUNT(DISTINCT user_id || '@' || date(started_at)) / 31.0 / COUNT(DISTINCT user_id), 1) AS stickiness_pct
FROM sessions
WHERE user_id IS NOT NULL AND strftime('%Y-%m', started_at) = '2025-03'
GROUP BY device
ORDER BY stickiness_pct DESC, device;
