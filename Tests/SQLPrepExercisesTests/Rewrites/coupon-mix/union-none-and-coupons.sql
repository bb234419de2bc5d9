-- rewrite: coupon orders and no-coupon orders counted separately and stacked with UNION ALL; IFNULL; CAST AS REAL
WITH completed AS (SELECT coupon_code FROM orders WHERE status = 'completed'),
counts AS (
  SELECT coupon_code AS coupon, COUNT(*) AS orders FROM completed WHERE coupon_code IS NOT NULL GROUP BY coupon_code
  UNION ALL
  SELECT 'none', COUNT(*) FROM completed WHERE IFNULL(coupon_code, '') = ''
)
SELECT coupon, orders, ROUND(CAST(orders AS REAL) / (SELECT COUNT(*) FROM completed) * 100, 1)
FROM counts
ORDER BY orders DESC, coupon;
