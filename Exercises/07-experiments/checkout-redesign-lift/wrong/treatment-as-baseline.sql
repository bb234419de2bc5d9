-- mistake: the lift is divided by the treatment rate instead of the control (baseline) rate
WITH f AS (
  SELECT a.variant,
         EXISTS (SELECT 1 FROM orders AS o WHERE o.user_id = a.user_id
                 AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at) AS converted
  FROM experiment_assignments AS a JOIN experiments AS e ON e.experiment_id = a.experiment_id
  WHERE a.experiment_id = 1
), r AS (
  SELECT AVG(CASE WHEN variant = 'control' THEN converted END) AS c,
         AVG(CASE WHEN variant = 'treatment' THEN converted END) AS t
  FROM f
)
SELECT ROUND(100.0 * c, 2) AS control_pct, ROUND(100.0 * t, 2) AS treatment_pct,
       ROUND(100.0 * (t - c), 2) AS diff_pp, ROUND(100.0 * (t - c) / t, 2) AS relative_lift_pct
FROM r;
