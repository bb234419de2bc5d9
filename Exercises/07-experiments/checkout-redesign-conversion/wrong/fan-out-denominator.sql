-- mistake: after the LEFT JOIN to orders, COUNT(*) counts order rows, inflating the user count
-- trap: fan-out
SELECT a.variant,
       COUNT(*) AS users,
       COUNT(DISTINCT o.user_id) AS converters,
       ROUND(100.0 * COUNT(DISTINCT o.user_id) / COUNT(*), 2) AS conversion_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
LEFT JOIN orders AS o
  ON o.user_id = a.user_id AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at
WHERE a.experiment_id = 1
GROUP BY a.variant
ORDER BY a.variant;
