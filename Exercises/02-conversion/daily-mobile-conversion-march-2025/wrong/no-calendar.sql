-- mistake: grouping the sessions alone only yields days that have sessions, so 9 March is missing
-- trap: zero-groups
SELECT date(s.started_at) AS day,
       COUNT(*) AS sessions,
       COUNT(o.order_id) AS converted_sessions,
       ROUND(100.0 * COUNT(o.order_id) / COUNT(*), 2) AS conversion_pct
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
WHERE s.device = 'mobile'
  AND s.started_at >= '2025-03-01' AND s.started_at < '2025-04-01'
GROUP BY date(s.started_at)
ORDER BY day;
