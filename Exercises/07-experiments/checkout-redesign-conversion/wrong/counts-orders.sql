-- mistake: counts qualifying orders instead of distinct converting users
-- trap: fan-out
SELECT a.variant,
       COUNT(DISTINCT a.user_id) AS users,
       COUNT(o.order_id) AS converters,
       ROUND(100.0 * COUNT(o.order_id) / COUNT(DISTINCT a.user_id), 2) AS conversion_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
LEFT JOIN orders AS o
  ON o.user_id = a.user_id AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at
WHERE a.experiment_id = 1
GROUP BY a.variant
ORDER BY a.variant;
