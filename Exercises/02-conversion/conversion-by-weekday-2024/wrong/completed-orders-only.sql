-- mistake: counts only sessions with a completed order, though a cancelled or refunded order was a conversion too
-- trap: order-status
WITH session_days AS (
  SELECT s.session_id, (CAST(strftime('%w', s.started_at) AS INTEGER) + 6) % 7 + 1 AS day_no,
         EXISTS (SELECT 1 FROM orders AS o WHERE o.session_id = s.session_id AND o.status = 'completed') AS converted
  FROM sessions AS s
  WHERE s.started_at >= '2024-01-01' AND s.started_at < '2025-01-01'
)
SELECT day_no,
       CASE day_no WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' WHEN 3 THEN 'Wednesday' WHEN 4 THEN 'Thursday'
         WHEN 5 THEN 'Friday' WHEN 6 THEN 'Saturday' ELSE 'Sunday' END AS day,
       COUNT(*) AS sessions, SUM(converted) AS converted_sessions,
       ROUND(100.0 * SUM(converted) / COUNT(*), 2) AS conversion_pct
FROM session_days
GROUP BY day_no
ORDER BY day_no;
