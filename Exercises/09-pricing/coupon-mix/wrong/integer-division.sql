-- mistake: integer division truncates every share to a whole percent
-- trap: integer-division
SELECT COALESCE(coupon_code, 'none') AS coupon, COUNT(*) AS orders,
       100 * COUNT(*) / (SELECT COUNT(*) FROM orders WHERE status = 'completed') AS share_pct
FROM orders
WHERE status = 'completed'
GROUP BY COALESCE(coupon_code, 'none')
ORDER BY orders DESC, coupon;
