WITH counts AS (
  SELECT
    experiment_id,
    SUM(variant = 'control') AS control_users,
    SUM(variant = 'treatment') AS treatment_users,
    COUNT(*) / 2.0 AS expected
  FROM experiment_assignments
  GROUP BY experiment_id
),
stats AS (
  SELECT
    c.*,
    (c.control_users - c.expected) * (c.control_users - c.expected) / c.expected
      + (c.treatment_users - c.expected) * (c.treatment_users - c.expected) / c.expected AS chi_square
  FROM counts AS c
)
SELECT
  s.experiment_id,
  e.name AS experiment,
  s.control_users,
  s.treatment_users,
  ROUND(100.0 * s.treatment_users / (s.control_users + s.treatment_users), 2) AS treatment_share_pct,
  ROUND(s.chi_square, 2) AS chi_square,
  CASE WHEN s.chi_square > 10.83 THEN 'yes' ELSE 'no' END AS srm
FROM stats AS s
JOIN experiments AS e ON e.experiment_id = s.experiment_id
ORDER BY s.experiment_id;
