-- mistake: the relative lift is left as a fraction (0.11) instead of a percentage (11)
-- trap: percent-vs-fraction
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
       ROUND(100.0 * (t - c), 2) AS diff_pp, ROUND((t - c) / c, 2) AS relative_lift_pct
FROM r;
