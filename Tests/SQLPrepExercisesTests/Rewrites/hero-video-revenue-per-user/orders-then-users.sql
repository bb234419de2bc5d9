-- rewrite: in-window orders aggregated on their own, then joined to the per-variant user counts
WITH assigned AS (
  SELECT a.user_id, a.variant, a.assigned_at, e.ended_at
  FROM experiments AS e JOIN experiment_assignments AS a USING (experiment_id)
  WHERE e.name = 'homepage_hero_video'
),
window_orders AS (
  SELECT a.variant, COUNT(DISTINCT o.user_id) AS buyers, SUM(o.total_cents) AS cents
  FROM assigned AS a
  JOIN orders AS o ON o.user_id = a.user_id
  WHERE o.status = 'completed' AND o.ordered_at >= a.assigned_at AND o.ordered_at <= a.ended_at
  GROUP BY a.variant
),
users AS (SELECT variant, COUNT(*) AS n FROM assigned GROUP BY variant)
SELECT u.variant, u.n, w.buyers, ROUND(w.buyers * 100.0 / u.n, 2), ROUND(w.cents / 100.0 / u.n, 2)
FROM users AS u JOIN window_orders AS w ON w.variant = u.variant
ORDER BY u.variant;
