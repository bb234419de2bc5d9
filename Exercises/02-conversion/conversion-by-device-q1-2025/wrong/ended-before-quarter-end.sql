-- mistake: keeps sessions that ended before 2025-04-01, which loses the late visits of 31 March that ran past midnight into April
-- trap: date-window
SELECT
  s.device,
  COUNT(*) AS sessions,
  COUNT(DISTINCT o.session_id) AS converted_sessions,
  ROUND(1.0 * COUNT(DISTINCT o.session_id) / COUNT(*), 4) AS conversion_rate
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
WHERE s.started_at >= '2025-01-01'
  AND s.ended_at < '2025-04-01'
GROUP BY s.device
ORDER BY s.device;
