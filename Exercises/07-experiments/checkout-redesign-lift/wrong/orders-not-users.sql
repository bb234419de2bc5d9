-- mistake: joining orders and counting order rows per arm measures orders per user, not converting users
-- trap: fan-out
WITH r AS (
  SELECT 1.0 * SUM(CASE WHEN a.variant = 'control' THEN o.order_id IS NOT NULL END)
             / COUNT(DISTINCT CASE WHEN a.variant = 'control' THEN a.user_id END) AS c,
         1.0 * SUM(CASE WHEN a.variant = 'treatment' THEN o.order_id IS NOT NULL END)
             / COUNT(DISTINCT CASE WHEN a.variant = 'treatment' THEN a.user_id END) AS t
  FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id
  LEFT JOIN orders AS o ON o.user_id = a.user_id
       AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at
  WHERE a.experiment_id = 1
)
SELECT ROUND(100.0 * c, 2) AS control_pct, ROUND(100.0 * t, 2) AS treatment_pct,
       ROUND(100.0 * (t - c), 2) AS diff_pp, ROUND(100.0 * (t - c) / c, 2) AS relative_lift_pct
FROM r;
