-- mistake: comparing to the bare date '2024-11-30' drops orders placed during the last day
-- trap: date-window
SELECT a.variant,
       COUNT(*) AS users,
       SUM(EXISTS (SELECT 1 FROM orders AS o
                   WHERE o.user_id = a.user_id AND o.ordered_at >= a.assigned_at
                     AND o.ordered_at <= '2024-11-30')) AS converters,
       ROUND(100.0 * SUM(EXISTS (SELECT 1 FROM orders AS o
                   WHERE o.user_id = a.user_id AND o.ordered_at >= a.assigned_at
                     AND o.ordered_at <= '2024-11-30')) / COUNT(*), 2) AS conversion_pct
FROM experiment_assignments AS a
WHERE a.experiment_id = 1
GROUP BY a.variant
ORDER BY a.variant;
