-- rewrite: EXISTS for the apparel flag, COALESCE(coupon_code, '') for the coupon flag, CASE counts
SELECT
  CASE WHEN EXISTS (SELECT 1 FROM order_items AS i JOIN products AS p USING (product_id)
                    WHERE i.order_id = o.order_id AND p.category = 'apparel') THEN 'yes' ELSE 'no' END AS a,
  CASE WHEN COALESCE(o.coupon_code, '') = '' THEN 'no' ELSE 'yes' END AS c,
  COUNT(*),
  SUM(CASE WHEN o.status = 'refunded' THEN 1 ELSE 0 END),
  ROUND(SUM(CASE WHEN o.status = 'refunded' THEN 1 ELSE 0 END) * 100.0 / COUNT(*), 1)
FROM orders AS o
WHERE o.status = 'completed' OR o.status = 'refunded'
GROUP BY a, c
ORDER BY a, c;
