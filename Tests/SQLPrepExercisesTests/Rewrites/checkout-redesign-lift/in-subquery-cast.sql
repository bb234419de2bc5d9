-- rewrite: converters found with IN over a (user_id) subquery joined to assignments; arms in two CTEs; CAST AS REAL
WITH exp1 AS (
  SELECT a.user_id, a.variant, a.assigned_at, e.ended_at
  FROM experiment_assignments AS a
  JOIN experiments AS e USING (experiment_id)
  WHERE a.experiment_id = 1
),
converters AS (
  SELECT DISTINCT x.user_id
  FROM exp1 AS x
  JOIN orders AS o ON o.user_id = x.user_id
  WHERE o.ordered_at >= x.assigned_at AND o.ordered_at <= x.ended_at
),
control_arm AS (
  SELECT CAST(SUM(user_id IN (SELECT user_id FROM converters)) AS REAL) / COUNT(*) AS rate
  FROM exp1 WHERE variant = 'control'
),
treatment_arm AS (
  SELECT CAST(SUM(user_id IN (SELECT user_id FROM converters)) AS REAL) / COUNT(*) AS rate
  FROM exp1 WHERE variant = 'treatment'
)
SELECT
  ROUND(c.rate * 100, 2),
  ROUND(t.rate * 100, 2),
  ROUND(t.rate * 100 - c.rate * 100, 2),
  ROUND((t.rate - c.rate) / c.rate * 100, 2)
FROM control_arm AS c, treatment_arm AS t;
