-- rewrite: a LEFT JOIN to the window's orders with COUNT(DISTINCT) converters per device and variant, then pivoted
WITH exposed AS (
  SELECT a.user_id, a.variant, a.assigned_at, e.ended_at, s.device
  FROM experiment_assignments a
  JOIN experiments e USING (experiment_id)
  JOIN sessions s ON s.user_id = a.user_id AND s.started_at = a.assigned_at
  WHERE a.experiment_id = 1
),
cells AS (
  SELECT x.device, x.variant, COUNT(DISTINCT x.user_id) AS n, COUNT(DISTINCT o.user_id) AS conv
  FROM exposed x
  LEFT JOIN orders o ON o.user_id = x.user_id AND o.ordered_at BETWEEN x.assigned_at AND x.ended_at
  GROUP BY x.device, x.variant
)
SELECT c.device, c.n AS control_users, t.n AS treatment_users,
  ROUND(100.0 * c.conv / c.n, 2) AS control_pct,
  ROUND(100.0 * t.conv / t.n, 2) AS treatment_pct,
  ROUND(100.0 * (1.0 * t.conv / t.n - 1.0 * c.conv / c.n) / (1.0 * c.conv / c.n), 1) AS relative_lift_pct
FROM cells c JOIN cells t ON t.device = c.device AND t.variant = 'treatment'
WHERE c.variant = 'control'
ORDER BY c.device;
