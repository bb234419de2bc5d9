-- mistake: COUNT(coupon_code) skips NULLs, so the group without a coupon counts 0 orders
-- trap: nulls
SELECT COALESCE(coupon_code, 'none') AS coupon, COUNT(coupon_code) AS orders,
       ROUND(100.0 * COUNT(coupon_code) / (SELECT COUNT(*) FROM orders WHERE status = 'completed'), 1) AS share_pct
FROM orders
WHERE status = 'completed'
GROUP BY COALESCE(coupon_code, 'none')
ORDER BY orders DESC, coupon;
