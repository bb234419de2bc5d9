-- mistake: integer division makes the rate 0
-- trap: integer-division
SELECT a.variant,
       COUNT(*) AS users,
       SUM(EXISTS (SELECT 1 FROM orders AS o JOIN experiments AS e ON e.experiment_id = 1
                   WHERE o.user_id = a.user_id AND o.ordered_at BETWEEN a.assigned_at AND e.ended_at)) AS converters,
       ROUND(100 * (SUM(EXISTS (SELECT 1 FROM orders AS o JOIN experiments AS e ON e.experiment_id = 1
                   WHERE o.user_id = a.user_id AND o.ordered_at BETWEEN a.assigned_at AND e.ended_at)) / COUNT(*)), 2) AS conversion_pct
FROM experiment_assignments AS a
WHERE a.experiment_id = 1
GROUP BY a.variant
ORDER BY a.variant;
