-- mistake: compares the started_at timestamp with bare dates, so sessions on D itself (after midnight) fall outside both windows
-- trap: date-window
WITH as_of_dates(as_of) AS (
  VALUES ('2025-01-31'), ('2025-02-28'), ('2025-03-31'),
         ('2025-04-30'), ('2025-05-31'), ('2025-06-30')
),
windows AS (
  SELECT a.as_of,
    COUNT(DISTINCT CASE WHEN s.started_at >= date(a.as_of, '-6 days') THEN s.user_id END) AS wau,
    COUNT(DISTINCT s.user_id) AS mau
  FROM as_of_dates a
  JOIN sessions s
    ON s.started_at BETWEEN date(a.as_of, '-29 days') AND a.as_of
  GROUP BY a.as_of
)
SELECT as_of, wau, mau, ROUND(1.0 * wau / mau, 3) AS wau_mau_ratio
FROM windows
ORDER BY as_of;
