-- rewrite: a user converted when their first order at or after assignment is no later than the end; the lift as a ratio minus one
WITH exposed AS (
  SELECT a.variant, s.device,
    COALESCE((SELECT MIN(o.ordered_at) FROM orders o WHERE o.user_id = a.user_id AND o.ordered_at >= a.assigned_at)
             <= e.ended_at, 0) AS converted
  FROM experiment_assignments a
  JOIN experiments e ON e.experiment_id = a.experiment_id
  JOIN sessions s ON s.user_id = a.user_id AND s.started_at = a.assigned_at
  WHERE a.experiment_id = 1
),
rates AS (
  SELECT device,
    SUM(variant = 'control') AS nc, SUM(variant = 'treatment') AS nt,
    1.0 * SUM(converted AND variant = 'control') / SUM(variant = 'control') AS pc,
    1.0 * SUM(converted AND variant = 'treatment') / SUM(variant = 'treatment') AS pt
  FROM exposed GROUP BY device
)
SELECT device, nc AS control_users, nt AS treatment_users, 100 * pc AS control_pct, 100 * pt AS treatment_pct,
  100 * (pt / pc - 1) AS relative_lift_pct
FROM rates
ORDER BY device;
