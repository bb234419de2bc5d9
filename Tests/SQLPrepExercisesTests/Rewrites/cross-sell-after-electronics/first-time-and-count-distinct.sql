-- rewrite: the first completed order found by MIN(ordered_at); later purchases are orders after that time; COUNT(DISTINCT user_id); unrounded
WITH completed AS (SELECT * FROM orders WHERE status = 'completed'),
first_at AS (SELECT user_id, MIN(ordered_at) AS t FROM completed GROUP BY user_id),
lines AS (
  SELECT c.user_id, c.ordered_at, p.category
  FROM completed AS c
  JOIN order_items AS i USING (order_id)
  JOIN products AS p USING (product_id)
),
cohort AS (
  SELECT DISTINCT l.user_id, f.t
  FROM lines AS l JOIN first_at AS f ON f.user_id = l.user_id AND l.ordered_at = f.t
  WHERE l.category = 'electronics'
)
SELECT l.category, COUNT(DISTINCT l.user_id) AS n,
       COUNT(DISTINCT l.user_id) * 100.0 / (SELECT COUNT(*) FROM cohort) AS pct
FROM lines AS l
JOIN cohort AS k ON k.user_id = l.user_id AND l.ordered_at > k.t
GROUP BY l.category
ORDER BY pct DESC, l.category;
