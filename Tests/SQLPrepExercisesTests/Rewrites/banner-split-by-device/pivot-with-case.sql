-- rewrite: counts per (device, variant) first, then pivoted with CASE; CAST AS REAL
WITH per_variant AS (
  SELECT s.device, a.variant, COUNT(DISTINCT a.user_id) AS users
  FROM experiments AS e
  JOIN experiment_assignments AS a ON a.experiment_id = e.experiment_id
  JOIN sessions AS s ON s.user_id = a.user_id AND s.started_at = a.assigned_at
  WHERE e.name = 'free_shipping_banner'
  GROUP BY s.device, a.variant
)
SELECT device,
       MAX(CASE WHEN variant = 'control' THEN users END) AS c,
       MAX(CASE WHEN variant = 'treatment' THEN users END) AS t,
       ROUND(CAST(MAX(CASE WHEN variant = 'treatment' THEN users END) AS REAL) / SUM(users) * 100, 1)
FROM per_variant
GROUP BY device
ORDER BY device;
