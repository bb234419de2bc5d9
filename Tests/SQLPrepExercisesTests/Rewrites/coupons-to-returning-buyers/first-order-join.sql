-- rewrite: each user's first completed order time joined back; returning = placed after it; CASE counts
WITH completed AS (SELECT * FROM orders WHERE status = 'completed'),
firsts AS (SELECT user_id, MIN(ordered_at) AS first_at FROM completed GROUP BY user_id)
SELECT
  CASE WHEN c.coupon_code IS NULL THEN 'none' ELSE c.coupon_code END AS coupon,
  COUNT(*) AS orders,
  SUM(CASE WHEN c.ordered_at > f.first_at THEN 1 ELSE 0 END) AS ret,
  ROUND(SUM(CASE WHEN c.ordered_at > f.first_at THEN 1 ELSE 0 END) * 100.0 / COUNT(*), 1)
FROM completed AS c
JOIN firsts AS f ON f.user_id = c.user_id
GROUP BY 1
ORDER BY 1;
