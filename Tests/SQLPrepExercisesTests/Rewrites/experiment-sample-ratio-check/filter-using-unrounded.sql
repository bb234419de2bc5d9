-- rewrite: arm sizes with COUNT(*) FILTER, JOIN ... USING, power() for the squares, chi-square and share left unrounded
SELECT
  experiment_id,
  name,
  c,
  t,
  100.0 * t / (c + t),
  chi,
  CASE WHEN chi > 10.83 THEN 'yes' ELSE 'no' END
FROM (
  SELECT experiment_id, c, t,
         (power(c - e, 2) + power(t - e, 2)) / e AS chi
  FROM (
    SELECT experiment_id,
           COUNT(*) FILTER (WHERE variant = 'control') AS c,
           COUNT(*) FILTER (WHERE variant = 'treatment') AS t,
           COUNT(*) / 2.0 AS e
    FROM experiment_assignments
    GROUP BY experiment_id
  )
)
JOIN experiments USING (experiment_id)
ORDER BY experiment_id;
