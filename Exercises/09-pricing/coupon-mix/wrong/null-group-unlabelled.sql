-- mistake: groups by coupon_code as it is, so orders without a coupon come out under NULL instead of 'none'
-- trap: nulls
SELECT coupon_code AS coupon, COUNT(*) AS orders,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM orders WHERE status = 'completed'), 1) AS share_pct
FROM orders
WHERE status = 'completed'
GROUP BY coupon_code
ORDER BY orders DESC, coupon;
