-- rewrite: one row per order via GROUP BY over its lines, MAX(category = 'apparel') as the flag; IIF labels; unrounded
WITH per_order AS (
  SELECT o.order_id, o.status, o.coupon_code, MAX(p.category = 'apparel') AS apparel
  FROM orders AS o
  JOIN order_items AS i ON i.order_id = o.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status <> 'cancelled'
  GROUP BY o.order_id, o.status, o.coupon_code
)
SELECT IIF(apparel, 'yes', 'no') AS a, IIF(coupon_code IS NULL, 'no', 'yes') AS c,
       COUNT(*), COUNT(*) FILTER (WHERE status = 'refunded'),
       COUNT(*) FILTER (WHERE status = 'refunded') * 100.0 / COUNT(*)
FROM per_order
GROUP BY a, c
ORDER BY a, c;
