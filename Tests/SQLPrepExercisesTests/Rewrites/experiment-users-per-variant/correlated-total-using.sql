-- rewrite: experiment total from a correlated subquery instead of a window SUM; JOIN ... USING (experiment_id)
SELECT
  experiment_id,
  name AS experiment_name,
  variant AS arm,
  COUNT(*) AS assigned,
  ROUND(COUNT(*) * 100.0
        / (SELECT COUNT(*) FROM experiment_assignments AS t WHERE t.experiment_id = a.experiment_id), 2) AS pct
FROM experiment_assignments AS a
JOIN experiments USING (experiment_id)
GROUP BY experiment_id, name, variant
ORDER BY experiment_id, arm;
