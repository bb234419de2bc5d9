-- rewrite: EXISTS for buyers and a correlated TOTAL for revenue, per assigned user; experiment id by subquery; unrounded
WITH assigned AS (
  SELECT a.user_id, a.variant, a.assigned_at,
         (SELECT ended_at FROM experiments WHERE experiment_id = a.experiment_id) AS ended_at
  FROM experiment_assignments AS a
  WHERE a.experiment_id = (SELECT experiment_id FROM experiments WHERE name = 'homepage_hero_video')
),
per_user AS (
  SELECT variant,
         EXISTS (SELECT 1 FROM orders AS o WHERE o.user_id = assigned.user_id AND o.status = 'completed'
                 AND o.ordered_at BETWEEN assigned.assigned_at AND assigned.ended_at) AS bought,
         (SELECT TOTAL(o.total_cents) FROM orders AS o WHERE o.user_id = assigned.user_id AND o.status = 'completed'
                 AND o.ordered_at BETWEEN assigned.assigned_at AND assigned.ended_at) AS cents
  FROM assigned
)
SELECT variant, COUNT(*), SUM(bought), SUM(bought) * 100.0 / COUNT(*), SUM(cents) / COUNT(*) / 100
FROM per_user
GROUP BY variant
ORDER BY variant;
