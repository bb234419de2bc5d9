-- mistake: SUM(flag) / COUNT(*) divides two integers, so both rates are 0
-- trap: integer-division
WITH f AS (
  SELECT a.variant,
         EXISTS (SELECT 1 FROM orders AS o WHERE o.user_id = a.user_id
                 AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at) AS converted
  FROM experiment_assignments AS a JOIN experiments AS e ON e.experiment_id = a.experiment_id
  WHERE a.experiment_id = 1
), r AS (
  SELECT SUM(CASE WHEN variant = 'control' THEN converted END) / SUM(variant = 'control') AS c,
         SUM(CASE WHEN variant = 'treatment' THEN converted END) / SUM(variant = 'treatment') AS t
  FROM f
)
SELECT ROUND(100.0 * c, 2) AS control_pct, ROUND(100.0 * t, 2) AS treatment_pct,
       ROUND(100.0 * (t - c), 2) AS diff_pp, ROUND(100.0 * (t - c) / NULLIF(c, 0), 2) AS relative_lift_pct
FROM r;
