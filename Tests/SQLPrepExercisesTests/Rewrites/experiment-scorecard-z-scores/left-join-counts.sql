-- rewrite: converters by LEFT JOIN and COUNT(DISTINCT), the arms pivoted by self-join, the verdict with IIF
WITH per_user AS (
  SELECT a.experiment_id, a.variant, a.user_id, MAX(o.order_id IS NOT NULL) AS converted
  FROM experiment_assignments a
  JOIN experiments e ON e.experiment_id = a.experiment_id
  LEFT JOIN orders o ON o.user_id = a.user_id AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at
  GROUP BY a.experiment_id, a.variant, a.user_id
),
arm AS (
  SELECT experiment_id, variant, CAST(COUNT(*) AS REAL) AS n, CAST(SUM(converted) AS REAL) AS x
  FROM per_user GROUP BY experiment_id, variant
),
z AS (
  SELECT c.experiment_id, c.x / c.n AS pc, t.x / t.n AS pt,
    (t.x / t.n - c.x / c.n) / sqrt(((c.x + t.x) / (c.n + t.n)) * (1 - (c.x + t.x) / (c.n + t.n)) * (1 / c.n + 1 / t.n)) AS z
  FROM arm c JOIN arm t ON t.experiment_id = c.experiment_id AND t.variant = 'treatment'
  WHERE c.variant = 'control'
)
SELECT z.experiment_id, e.name AS experiment,
  ROUND(100 * pc, 2) AS control_pct, ROUND(100 * pt, 2) AS treatment_pct,
  ROUND(100 * (pt - pc) / pc, 1) AS relative_lift_pct,
  ROUND(z, 2) AS z_score,
  IIF(abs(z) > 1.96, 'yes', 'no') AS significant
FROM z JOIN experiments e ON e.experiment_id = z.experiment_id
ORDER BY z.experiment_id;
