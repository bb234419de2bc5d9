WITH flagged AS (
  SELECT
    a.experiment_id,
    a.variant,
    EXISTS (
      SELECT 1
      FROM orders AS o
      WHERE o.user_id = a.user_id
        AND o.ordered_at >= a.assigned_at
        AND o.ordered_at <= e.ended_at
    ) AS converted
  FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id
),
arms AS (
  SELECT
    experiment_id,
    1.0 * SUM(variant = 'control') AS n_c,
    1.0 * SUM(variant = 'treatment') AS n_t,
    1.0 * SUM(CASE WHEN variant = 'control' THEN converted ELSE 0 END) AS x_c,
    1.0 * SUM(CASE WHEN variant = 'treatment' THEN converted ELSE 0 END) AS x_t
  FROM flagged
  GROUP BY experiment_id
),
stats AS (
  SELECT
    experiment_id,
    x_c / n_c AS p_c,
    x_t / n_t AS p_t,
    (x_c + x_t) / (n_c + n_t) AS p_pool,
    n_c,
    n_t
  FROM arms
),
tested AS (
  SELECT
    experiment_id,
    p_c,
    p_t,
    (p_t - p_c) / sqrt(p_pool * (1 - p_pool) * (1 / n_c + 1 / n_t)) AS z
  FROM stats
)
SELECT
  t.experiment_id,
  e.name AS experiment,
  ROUND(100.0 * t.p_c, 2) AS control_pct,
  ROUND(100.0 * t.p_t, 2) AS treatment_pct,
  ROUND(100.0 * (t.p_t - t.p_c) / t.p_c, 1) AS relative_lift_pct,
  ROUND(t.z, 2) AS z_score,
  CASE WHEN abs(t.z) > 1.96 THEN 'yes' ELSE 'no' END AS significant
FROM tested AS t
JOIN experiments AS e ON e.experiment_id = t.experiment_id
ORDER BY t.experiment_id;
