WITH exposed AS (
  SELECT a.user_id, a.variant, a.assigned_at, e.ended_at, s.device
  FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id
  JOIN sessions AS s ON s.user_id = a.user_id AND s.started_at = a.assigned_at
  WHERE a.experiment_id = 1
),
flagged AS (
  SELECT
    x.device,
    x.variant,
    EXISTS (
      SELECT 1
      FROM orders AS o
      WHERE o.user_id = x.user_id
        AND o.ordered_at >= x.assigned_at
        AND o.ordered_at <= x.ended_at
    ) AS converted
  FROM exposed AS x
),
by_device AS (
  SELECT
    device,
    SUM(variant = 'control') AS control_users,
    SUM(variant = 'treatment') AS treatment_users,
    AVG(CASE WHEN variant = 'control' THEN converted END) AS control_rate,
    AVG(CASE WHEN variant = 'treatment' THEN converted END) AS treatment_rate
  FROM flagged
  GROUP BY device
)
SELECT
  device,
  control_users,
  treatment_users,
  ROUND(100.0 * control_rate, 2) AS control_pct,
  ROUND(100.0 * treatment_rate, 2) AS treatment_pct,
  ROUND(100.0 * (treatment_rate - control_rate) / control_rate, 1) AS relative_lift_pct
FROM by_device
ORDER BY device;
