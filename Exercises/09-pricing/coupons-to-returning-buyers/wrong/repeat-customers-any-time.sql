-- mistake: counts orders by anyone with two or more completed orders, even the first of them, instead of asking whether this order came after another
WITH completed AS (SELECT user_id, COALESCE(coupon_code, 'none') AS coupon FROM orders WHERE status = 'completed'),
repeaters AS (SELECT user_id FROM completed GROUP BY user_id HAVING COUNT(*) >= 2)
SELECT coupon, COUNT(*) AS orders,
       SUM(user_id IN (SELECT user_id FROM repeaters)) AS returning_orders,
       ROUND(100.0 * SUM(user_id IN (SELECT user_id FROM repeaters)) / COUNT(*), 1) AS returning_pct
FROM completed
GROUP BY coupon
ORDER BY coupon;
