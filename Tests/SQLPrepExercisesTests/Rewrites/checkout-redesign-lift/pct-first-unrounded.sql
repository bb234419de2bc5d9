-- rewrite: rates expressed in percent first (AVG of a 0/100 flag), differences computed from them, nothing rounded
WITH flags AS (
  SELECT
    a.variant,
    CASE WHEN EXISTS (
      SELECT 1 FROM orders AS o
      WHERE o.user_id = a.user_id
        AND o.ordered_at >= a.assigned_at
        AND o.ordered_at <= (SELECT ended_at FROM experiments WHERE experiment_id = 1)
    ) THEN 100.0 ELSE 0.0 END AS conv_pct
  FROM experiment_assignments AS a
  WHERE a.experiment_id = 1
),
arms AS (
  SELECT
    (SELECT AVG(conv_pct) FROM flags WHERE variant = 'control') AS c_pct,
    (SELECT AVG(conv_pct) FROM flags WHERE variant = 'treatment') AS t_pct
)
SELECT c_pct, t_pct, t_pct - c_pct, (t_pct - c_pct) * 100 / c_pct
FROM arms;
