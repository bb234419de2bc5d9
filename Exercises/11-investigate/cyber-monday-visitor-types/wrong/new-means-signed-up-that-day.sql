-- mistake: calls a session "new" when the user signed up on the same day, so a second visit on the signup day counts as new
WITH typed AS (
  SELECT date(s.started_at) AS day,
         CASE WHEN s.user_id IS NULL THEN 'anonymous'
              WHEN date(u.signup_at) = date(s.started_at) THEN 'new' ELSE 'returning' END AS visitor_type
  FROM sessions AS s LEFT JOIN users AS u ON u.user_id = s.user_id
  WHERE date(s.started_at) IN ('2024-11-04', '2024-11-11', '2024-11-18', '2024-11-25', '2024-12-02')
)
SELECT visitor_type, SUM(day = '2024-12-02') AS cyber_monday_sessions,
       ROUND(SUM(day <> '2024-12-02') / 4.0, 2) AS baseline_sessions,
       ROUND(100.0 * (SUM(day = '2024-12-02') - SUM(day <> '2024-12-02') / 4.0) / (SUM(day <> '2024-12-02') / 4.0), 1) AS change_pct
FROM typed
GROUP BY visitor_type
ORDER BY visitor_type;
