-- mistake: joining orders and counting order rows makes x larger than the number of converting users
-- trap: fan-out
WITH s AS (
  SELECT a.experiment_id,
         1.0 * COUNT(DISTINCT CASE WHEN a.variant = 'control' THEN a.user_id END) AS n_c,
         1.0 * COUNT(DISTINCT CASE WHEN a.variant = 'treatment' THEN a.user_id END) AS n_t,
         1.0 * COUNT(CASE WHEN a.variant = 'control' THEN o.order_id END) AS x_c,
         1.0 * COUNT(CASE WHEN a.variant = 'treatment' THEN o.order_id END) AS x_t
  FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id
  LEFT JOIN orders AS o ON o.user_id = a.user_id
       AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at
  GROUP BY a.experiment_id
), z AS (
  SELECT experiment_id, x_c / n_c AS p_c, x_t / n_t AS p_t, (x_c + x_t) / (n_c + n_t) AS p, n_c, n_t FROM s
)
SELECT z.experiment_id, e.name AS experiment,
       ROUND(100.0 * p_c, 2) AS control_pct, ROUND(100.0 * p_t, 2) AS treatment_pct,
       ROUND(100.0 * (p_t - p_c) / p_c, 1) AS relative_lift_pct,
       ROUND((p_t - p_c) / sqrt(p * (1 - p) * (1 / n_c + 1 / n_t)), 2) AS z_score,
       CASE WHEN abs((p_t - p_c) / sqrt(p * (1 - p) * (1 / n_c + 1 / n_t))) > 1.96 THEN 'yes' ELSE 'no' END AS significant
FROM z JOIN experiments AS e ON e.experiment_id = z.experiment_id
ORDER BY z.experiment_id;
