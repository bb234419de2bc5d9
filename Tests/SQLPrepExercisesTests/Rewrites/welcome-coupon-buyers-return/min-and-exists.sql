-- rewrite: the first completed order by MIN + a join back for its coupon; a return by EXISTS on orders (indexed by user and time) within 90 days; unrounded
WITH completed AS (SELECT * FROM orders WHERE status = 'completed'),
first_time AS (SELECT user_id, MIN(ordered_at) AS first_at FROM completed GROUP BY user_id),
cohort AS (
  SELECT f.user_id, f.first_at, IIF(c.coupon_code = 'WELCOME10', 'yes', 'no') AS grp
  FROM first_time AS f
  JOIN orders AS c ON c.user_id = f.user_id AND c.ordered_at = f.first_at AND c.status = 'completed'
  WHERE f.first_at < '2025-01-01'
)
SELECT grp, COUNT(*),
       SUM(EXISTS (SELECT 1 FROM orders AS later
                   WHERE later.user_id = cohort.user_id AND later.status = 'completed' AND later.ordered_at > cohort.first_at
                     AND later.ordered_at <= datetime(cohort.first_at, '+90 days'))) AS back,
       SUM(EXISTS (SELECT 1 FROM orders AS later
                   WHERE later.user_id = cohort.user_id AND later.status = 'completed' AND later.ordered_at > cohort.first_at
                     AND later.ordered_at <= datetime(cohort.first_at, '+90 days'))) * 100.0 / COUNT(*)
FROM cohort
GROUP BY grp
ORDER BY grp;
