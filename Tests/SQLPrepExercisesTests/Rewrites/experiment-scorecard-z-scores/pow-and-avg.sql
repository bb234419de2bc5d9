-- rewrite: rates as AVG of a 0/1 flag, the standard error with pow(), the verdict from z squared
WITH flagged AS (
  SELECT a.experiment_id, a.variant,
    EXISTS (SELECT 1 FROM orders o JOIN experiments e ON e.experiment_id = a.experiment_id
            WHERE o.user_id = a.user_id AND o.ordered_at BETWEEN a.assigned_at AND e.ended_at) AS converted
  FROM experiment_assignments a
),
s AS (
  SELECT experiment_id,
    AVG(CASE WHEN variant = 'control' THEN converted END) AS pc,
    AVG(CASE WHEN variant = 'treatment' THEN converted END) AS pt,
    AVG(converted) AS p,
    SUM(variant = 'control') AS nc, SUM(variant = 'treatment') AS nt
  FROM flagged GROUP BY experiment_id
),
z AS (SELECT s.*, (pt - pc) / pow(p * (1 - p) * (1.0 / nc + 1.0 / nt), 0.5) AS z FROM s)
SELECT z.experiment_id, e.name AS experiment, 100 * pc AS control_pct, 100 * pt AS treatment_pct,
  100 * (pt - pc) / pc AS relative_lift_pct, z AS z_score,
  CASE WHEN z * z > 1.96 * 1.96 THEN 'yes' ELSE 'no' END AS significant
FROM z JOIN experiments e ON e.experiment_id = z.experiment_id
ORDER BY z.experiment_id;
