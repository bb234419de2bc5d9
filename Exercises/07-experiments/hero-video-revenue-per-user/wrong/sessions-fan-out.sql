-- mistake: joins the users' sessions in the window before aggregating, so each user's orders are repeated once per session
-- trap: fan-out
WITH assigned AS (
  SELECT a.user_id, a.variant, a.assigned_at, e.ended_at FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id WHERE e.name = 'homepage_hero_video'
)
SELECT a.variant, COUNT(DISTINCT a.user_id) AS users, COUNT(DISTINCT o.user_id) AS buyers,
       ROUND(100.0 * COUNT(DISTINCT o.user_id) / COUNT(DISTINCT a.user_id), 2) AS buyer_pct,
       ROUND(COALESCE(SUM(o.total_cents), 0) / 100.0 / COUNT(DISTINCT a.user_id), 2) AS revenue_per_user
FROM assigned AS a
JOIN sessions AS s ON s.user_id = a.user_id AND s.started_at >= a.assigned_at AND s.started_at <= a.ended_at
LEFT JOIN orders AS o ON o.user_id = a.user_id AND o.status = 'completed' AND o.ordered_at >= a.assigned_at AND o.ordered_at <= a.ended_at
GROUP BY a.variant
ORDER BY a.variant;
