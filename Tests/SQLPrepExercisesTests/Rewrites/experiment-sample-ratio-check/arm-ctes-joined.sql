-- rewrite: one CTE per arm joined on experiment_id, expected count as CAST(n AS REAL) / 2, rounded to 4 decimals
WITH control_arm AS (
  SELECT experiment_id, COUNT(*) AS c FROM experiment_assignments WHERE variant = 'control' GROUP BY experiment_id
),
treatment_arm AS (
  SELECT experiment_id, COUNT(*) AS t FROM experiment_assignments WHERE variant = 'treatment' GROUP BY experiment_id
),
both_arms AS (
  SELECT ex.experiment_id, IFNULL(ca.c, 0) AS c, IFNULL(ta.t, 0) AS t,
         CAST(IFNULL(ca.c, 0) + IFNULL(ta.t, 0) AS REAL) / 2 AS e
  FROM (SELECT DISTINCT experiment_id FROM experiment_assignments) AS ex
  LEFT JOIN control_arm AS ca ON ca.experiment_id = ex.experiment_id
  LEFT JOIN treatment_arm AS ta ON ta.experiment_id = ex.experiment_id
)
SELECT
  b.experiment_id,
  x.name,
  b.c,
  b.t,
  ROUND(b.t / (2 * b.e) * 100, 4),
  ROUND((b.c - b.e) * (b.c - b.e) / b.e + (b.t - b.e) * (b.t - b.e) / b.e, 4),
  CASE WHEN (b.c - b.e) * (b.c - b.e) / b.e + (b.t - b.e) * (b.t - b.e) / b.e > 10.83 THEN 'yes' ELSE 'no' END
FROM both_arms AS b
JOIN experiments AS x ON x.experiment_id = b.experiment_id
ORDER BY b.experiment_id;
