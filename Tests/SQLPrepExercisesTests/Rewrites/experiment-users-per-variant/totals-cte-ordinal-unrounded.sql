-- rewrite: per-experiment totals in their own CTE, GROUP BY / ORDER BY ordinal, share left unrounded
WITH totals AS (
  SELECT experiment_id, COUNT(*) AS n FROM experiment_assignments GROUP BY experiment_id
)
SELECT
  e.experiment_id,
  e.name,
  a.variant,
  COUNT(*),
  100.0 * COUNT(*) / t.n
FROM experiments AS e
JOIN experiment_assignments AS a ON a.experiment_id = e.experiment_id
JOIN totals AS t ON t.experiment_id = e.experiment_id
GROUP BY 1, 2, 3, t.n
ORDER BY 1, 3;
