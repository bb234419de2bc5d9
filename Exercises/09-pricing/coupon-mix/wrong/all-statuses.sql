-- mistake: counts cancelled and refunded orders too
-- trap: order-status
SELECT COALESCE(coupon_code, 'none') AS coupon, COUNT(*) AS orders,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM orders), 1) AS share_pct
FROM orders
GROUP BY COALESCE(coupon_code, 'none')
ORDER BY orders DESC, coupon;
