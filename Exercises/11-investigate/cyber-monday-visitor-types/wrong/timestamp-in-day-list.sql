-- mistake: compares the started_at timestamps with bare dates, so no session falls on any of the days
-- trap: date-window
WITH first_sessions AS (SELECT user_id, MIN(started_at) AS first_at FROM sessions WHERE user_id IS NOT NULL GROUP BY user_id),
typed AS (
  SELECT s.started_at AS day,
         CASE WHEN s.user_id IS NULL THEN 'anonymous' WHEN s.started_at = f.first_at THEN 'new' ELSE 'returning' END AS visitor_type
  FROM sessions AS s LEFT JOIN first_sessions AS f ON f.user_id = s.user_id
  WHERE s.started_at IN ('2024-11-04', '2024-11-11', '2024-11-18', '2024-11-25', '2024-12-02')
)
SELECT visitor_type, SUM(day = '2024-12-02') AS cyber_monday_sessions,
       ROUND(SUM(day <> '2024-12-02') / 4.0, 2) AS baseline_sessions,
       ROUND(100.0 * (SUM(day = '2024-12-02') - SUM(day <> '2024-12-02') / 4.0) / (SUM(day <> '2024-12-02') / 4.0), 1) AS change_pct
FROM typed
GROUP BY visitor_type
ORDER BY visitor_type;
