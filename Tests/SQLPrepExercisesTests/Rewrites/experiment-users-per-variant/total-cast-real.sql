-- rewrite: users counted as TOTAL(1) (a real), share via CAST AS REAL over a window total, rounded to 3 decimals
SELECT
  a.experiment_id,
  (SELECT e.name FROM experiments AS e WHERE e.experiment_id = a.experiment_id) AS experiment,
  a.variant,
  TOTAL(1) AS users,
  ROUND(CAST(COUNT(*) AS REAL) / SUM(COUNT(*)) OVER (PARTITION BY a.experiment_id) * 100, 3) AS share_pct
FROM experiment_assignments AS a
GROUP BY a.experiment_id, a.variant
ORDER BY a.experiment_id, a.variant;
