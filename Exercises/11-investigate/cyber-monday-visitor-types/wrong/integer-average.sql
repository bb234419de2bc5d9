-- mistake: integer division by 4 drops the fraction of the baseline average, which then skews the change
-- trap: integer-division
WITH first_sessions AS (SELECT user_id, MIN(started_at) AS first_at FROM sessions WHERE user_id IS NOT NULL GROUP BY user_id),
typed AS (
  SELECT date(s.started_at) AS day,
         CASE WHEN s.user_id IS NULL THEN 'anonymous' WHEN s.started_at = f.first_at THEN 'new' ELSE 'returning' END AS visitor_type
  FROM sessions AS s LEFT JOIN first_sessions AS f ON f.user_id = s.user_id
  WHERE date(s.started_at) IN ('2024-11-04', '2024-11-11', '2024-11-18', '2024-11-25', '2024-12-02')
)
SELECT visitor_type, SUM(day = '2024-12-02') AS cyber_monday_sessions,
       SUM(day <> '2024-12-02') / 4 AS baseline_sessions,
       ROUND(100.0 * (SUM(day = '2024-12-02') - SUM(day <> '2024-12-02') / 4) / (SUM(day <> '2024-12-02') / 4), 1) AS change_pct
FROM typed
GROUP BY visitor_type
ORDER BY visitor_type;
