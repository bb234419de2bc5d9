WITH exposures AS (
  SELECT s.device, a.variant
  FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id
  JOIN sessions AS s ON s.user_id = a.user_id AND s.started_at = a.assigned_at
  WHERE e.name = 'free_shipping_banner'
)
SELECT
  device,
  SUM(variant = 'control') AS control_users,
  SUM(variant = 'treatment') AS treatment_users,
  ROUND(100.0 * SUM(variant = 'treatment') / COUNT(*), 1) AS treatment_pct
FROM exposures
GROUP BY device
ORDER BY device;
