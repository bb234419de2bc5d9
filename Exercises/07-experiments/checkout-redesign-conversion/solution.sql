WITH exposed AS (
  SELECT a.user_id, a.variant, a.assigned_at, e.ended_at
  FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id
  WHERE a.experiment_id = 1
),
flagged AS (
  SELECT
    x.variant,
    EXISTS (
      SELECT 1
      FROM orders AS o
      WHERE o.user_id = x.user_id
        AND o.ordered_at >= x.assigned_at
        AND o.ordered_at <= x.ended_at
    ) AS converted
  FROM exposed AS x
)
SELECT
  variant,
  COUNT(*) AS users,
  SUM(converted) AS converters,
  ROUND(100.0 * SUM(converted) / COUNT(*), 2) AS conversion_pct
FROM flagged
GROUP BY variant
ORDER BY variant;
