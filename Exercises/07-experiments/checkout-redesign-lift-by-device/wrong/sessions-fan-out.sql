-- mistake: joining sessions on user_id only counts one row per visit, so users are multiplied across devices
-- trap: fan-out
WITH f AS (
  SELECT s.device, a.variant,
         EXISTS (SELECT 1 FROM orders AS o WHERE o.user_id = a.user_id
                 AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at) AS converted
  FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id
  JOIN sessions AS s ON s.user_id = a.user_id
  WHERE a.experiment_id = 1
), d AS (
  SELECT device, SUM(variant = 'control') AS cu, SUM(variant = 'treatment') AS tu,
         AVG(CASE WHEN variant = 'control' THEN converted END) AS c,
         AVG(CASE WHEN variant = 'treatment' THEN converted END) AS t
  FROM f GROUP BY device
)
SELECT device, cu AS control_users, tu AS treatment_users,
       ROUND(100.0 * c, 2) AS control_pct, ROUND(100.0 * t, 2) AS treatment_pct,
       ROUND(100.0 * (t - c) / c, 1) AS relative_lift_pct
FROM d ORDER BY device;
