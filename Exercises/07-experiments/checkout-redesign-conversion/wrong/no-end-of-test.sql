-- mistake: no upper bound, so orders placed long after the test ended count as conversions
-- trap: date-window
SELECT a.variant,
       COUNT(*) AS users,
       SUM(EXISTS (SELECT 1 FROM orders AS o
                   WHERE o.user_id = a.user_id AND o.ordered_at >= a.assigned_at)) AS converters,
       ROUND(100.0 * SUM(EXISTS (SELECT 1 FROM orders AS o
                   WHERE o.user_id = a.user_id AND o.ordered_at >= a.assigned_at)) / COUNT(*), 2) AS conversion_pct
FROM experiment_assignments AS a
WHERE a.experiment_id = 1
GROUP BY a.variant
ORDER BY a.variant;
