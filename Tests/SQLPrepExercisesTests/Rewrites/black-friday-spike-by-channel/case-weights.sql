-- rewrite: each order weighted +1 on Black Friday and −1/4 on a baseline Friday, so the extra orders are one SUM
SELECT
  s.channel,
  COUNT(*) FILTER (WHERE substr(o.ordered_at, 1, 10) = '2024-11-29') AS bf,
  ROUND(COUNT(*) FILTER (WHERE substr(o.ordered_at, 1, 10) <> '2024-11-29') * 0.25, 2) AS base,
  ROUND(SUM(CASE WHEN substr(o.ordered_at, 1, 10) = '2024-11-29' THEN 1.0 ELSE -0.25 END), 2) AS extra
FROM orders AS o
JOIN sessions AS s ON s.session_id = o.session_id
WHERE o.status = 'completed'
  AND substr(o.ordered_at, 1, 10) IN ('2024-11-01', '2024-11-08', '2024-11-15', '2024-11-22', '2024-11-29')
GROUP BY s.channel
ORDER BY extra DESC, s.channel;
