WITH arm AS (
  SELECT experiment_id, variant, COUNT(*) AS users
  FROM experiment_assignments
  GROUP BY experiment_id, variant
)
SELECT
  arm.experiment_id,
  e.name AS experiment,
  arm.variant,
  arm.users,
  ROUND(100.0 * arm.users / SUM(arm.users) OVER (PARTITION BY arm.experiment_id), 2) AS share_pct
FROM arm
JOIN experiments AS e ON e.experiment_id = arm.experiment_id
ORDER BY arm.experiment_id, arm.variant;
