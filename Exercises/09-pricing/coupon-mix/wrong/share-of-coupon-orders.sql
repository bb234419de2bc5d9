-- mistake: the share's denominator counts only orders that used a coupon, not all completed orders
SELECT COALESCE(coupon_code, 'none') AS coupon, COUNT(*) AS orders,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM orders WHERE status = 'completed' AND coupon_code IS NOT NULL), 1) AS share_pct
FROM orders
WHERE status = 'completed'
GROUP BY COALESCE(coupon_code, 'none')
ORDER BY orders DESC, coupon;
