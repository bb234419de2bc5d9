-- rewrite: chi-square in its simplified equal-split form (c - t)^2 / n, IIF for the flag
WITH counts AS (
  SELECT
    experiment_id,
    SUM(CASE WHEN variant = 'control' THEN 1 ELSE 0 END) AS c,
    SUM(CASE WHEN variant = 'treatment' THEN 1 ELSE 0 END) AS t,
    COUNT(*) AS n
  FROM experiment_assignments
  GROUP BY experiment_id
)
SELECT
  counts.experiment_id,
  experiments.name,
  c,
  t,
  ROUND(t * 100.0 / n, 2) AS treatment_share,
  ROUND(1.0 * (c - t) * (c - t) / n, 2) AS chi2,
  IIF(1.0 * (c - t) * (c - t) / n > 10.83, 'yes', 'no') AS srm_flag
FROM counts
JOIN experiments ON experiments.experiment_id = counts.experiment_id
ORDER BY counts.experiment_id;
