-- rewrite: the two counts as scalar subqueries, joined in a final SELECT; the coupon rule spelled out instead of shipping_cents > 0
WITH scoped AS (
  SELECT * FROM orders
  WHERE status = 'completed' AND ordered_at BETWEEN '2025-01-01' AND '2025-06-30 23:59:59'
),
paying AS (SELECT * FROM scoped WHERE subtotal_cents < 5000 AND IFNULL(coupon_code, '') <> 'FREESHIP'),
affected AS (SELECT * FROM paying WHERE subtotal_cents >= 4000)
SELECT
  (SELECT COUNT(*) FROM paying) AS paying,
  (SELECT COUNT(*) FROM affected) AS affected,
  ROUND((SELECT COUNT(*) FROM affected) * 100.0 / (SELECT COUNT(*) FROM paying), 1),
  ROUND((SELECT SUM(shipping_cents) FROM affected) / 100.0, 2);
