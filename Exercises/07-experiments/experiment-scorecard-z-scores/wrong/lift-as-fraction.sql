-- mistake: the relative lift is left as a fraction instead of a percentage
-- trap: percent-vs-fraction
WITH f AS (
  SELECT a.experiment_id, a.variant,
         EXISTS (SELECT 1 FROM orders AS o WHERE o.user_id = a.user_id
                 AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at) AS converted
  FROM experiment_assignments AS a JOIN experiments AS e ON e.experiment_id = a.experiment_id
), s AS (
  SELECT experiment_id,
         1.0 * SUM(variant = 'control') AS n_c, 1.0 * SUM(variant = 'treatment') AS n_t,
         1.0 * SUM(CASE WHEN variant = 'control' THEN converted ELSE 0 END) AS x_c,
         1.0 * SUM(CASE WHEN variant = 'treatment' THEN converted ELSE 0 END) AS x_t
  FROM f GROUP BY experiment_id
), z AS (
  SELECT experiment_id, x_c / n_c AS p_c, x_t / n_t AS p_t, (x_c + x_t) / (n_c + n_t) AS p, n_c, n_t FROM s
)
SELECT z.experiment_id, e.name AS experiment,
       ROUND(100.0 * p_c, 2) AS control_pct, ROUND(100.0 * p_t, 2) AS treatment_pct,
       ROUND((p_t - p_c) / p_c, 1) AS relative_lift_pct,
       ROUND((p_t - p_c) / sqrt(p * (1 - p) * (1 / n_c + 1 / n_t)), 2) AS z_score,
       CASE WHEN abs((p_t - p_c) / sqrt(p * (1 - p) * (1 / n_c + 1 / n_t))) > 1.96 THEN 'yes' ELSE 'no' END AS significant
FROM z JOIN experiments AS e ON e.experiment_id = z.experiment_id
ORDER BY z.experiment_id;
