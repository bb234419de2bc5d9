-- rewrite: the seven days listed with VALUES, DAU from a correlated COUNT(DISTINCT) subquery (0 comes out naturally)
WITH week(d) AS (
  VALUES ('2025-03-06'), ('2025-03-07'), ('2025-03-08'), ('2025-03-09'),
         ('2025-03-10'), ('2025-03-11'), ('2025-03-12')
)
SELECT
  d AS calendar_day,
  (SELECT COUNT(DISTINCT s.user_id)
     FROM sessions AS s
    WHERE s.device = 'mobile'
      AND s.started_at >= d AND s.started_at < date(d, '+1 day')) AS dau
FROM week
ORDER BY d;
