-- rewrite: converters as a CTE of user ids, membership tested with IN, rate as AVG(flag) * 100 left unrounded
WITH exp1 AS (
  SELECT a.user_id, a.variant, a.assigned_at,
         (SELECT ended_at FROM experiments WHERE experiment_id = 1) AS ended_at
  FROM experiment_assignments AS a
  WHERE a.experiment_id = 1
),
converters AS (
  SELECT x.user_id
  FROM exp1 AS x
  JOIN orders AS o ON o.user_id = x.user_id
  WHERE o.ordered_at BETWEEN x.assigned_at AND x.ended_at
)
SELECT
  variant,
  COUNT(*),
  SUM(user_id IN (SELECT user_id FROM converters)),
  AVG(user_id IN (SELECT user_id FROM converters)) * 100
FROM exp1
GROUP BY variant
ORDER BY variant;
