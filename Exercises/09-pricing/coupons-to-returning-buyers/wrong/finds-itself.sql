-- mistake: compares with >= the user's first completed order, so the first order itself counts as returning
WITH completed AS (SELECT * FROM orders WHERE status = 'completed'),
firsts AS (SELECT user_id, MIN(ordered_at) AS first_at FROM completed GROUP BY user_id)
SELECT COALESCE(c.coupon_code, 'none') AS coupon, COUNT(*) AS orders,
       SUM(c.ordered_at >= f.first_at) AS returning_orders,
       ROUND(100.0 * SUM(c.ordered_at >= f.first_at) / COUNT(*), 1) AS returning_pct
FROM completed AS c
JOIN firsts AS f ON f.user_id = c.user_id
GROUP BY coupon
ORDER BY coupon;
