-- rewrite: LEFT JOIN to qualifying orders with the window in ON and COUNT(DISTINCT user_id) for converters (no EXISTS)
SELECT
  a.variant,
  COUNT(DISTINCT a.user_id) AS assigned_users,
  COUNT(DISTINCT o.user_id) AS converted_users,
  ROUND(100.0 * COUNT(DISTINCT o.user_id) / COUNT(DISTINCT a.user_id), 2) AS conv_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
LEFT JOIN orders AS o
  ON o.user_id = a.user_id
 AND o.ordered_at >= a.assigned_at
 AND o.ordered_at <= e.ended_at
WHERE a.experiment_id = 1
GROUP BY a.variant
ORDER BY a.variant;
