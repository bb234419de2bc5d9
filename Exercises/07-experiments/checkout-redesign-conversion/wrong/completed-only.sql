-- mistake: only completed orders count, but the prompt counts an order of any status
-- trap: order-status
WITH x AS (
  SELECT a.variant,
         EXISTS (SELECT 1 FROM orders AS o
                 WHERE o.user_id = a.user_id AND o.status = 'completed'
                   AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at) AS converted
  FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id
  WHERE a.experiment_id = 1
)
SELECT variant, COUNT(*) AS users, SUM(converted) AS converters,
       ROUND(100.0 * SUM(converted) / COUNT(*), 2) AS conversion_pct
FROM x GROUP BY variant ORDER BY variant;
