-- mistake: counts the users' completed orders from the whole history, not just those inside the test window
-- trap: date-window
WITH assigned AS (
  SELECT a.user_id, a.variant FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id WHERE e.name = 'homepage_hero_video'
),
per_user AS (
  SELECT a.variant, COUNT(o.order_id) AS orders, COALESCE(SUM(o.total_cents), 0) AS revenue_cents
  FROM assigned AS a LEFT JOIN orders AS o ON o.user_id = a.user_id AND o.status = 'completed'
  GROUP BY a.user_id, a.variant
)
SELECT variant, COUNT(*) AS users, SUM(orders > 0) AS buyers,
       ROUND(100.0 * SUM(orders > 0) / COUNT(*), 2) AS buyer_pct,
       ROUND(SUM(revenue_cents) / 100.0 / COUNT(*), 2) AS revenue_per_user
FROM per_user
GROUP BY variant
ORDER BY variant;
