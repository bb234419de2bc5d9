-- rewrite: works on lines, each carrying its share of the order's discount (line value / subtotal), so the sums per group come out the same
WITH lines AS (
  SELECT
    CASE WHEN o.coupon_code IS NULL THEN 'none' ELSE o.coupon_code END AS coupon,
    o.order_id,
    i.quantity * i.unit_price_cents AS value,
    1.0 * o.discount_cents * i.quantity * i.unit_price_cents / o.subtotal_cents AS disc,
    i.quantity * p.cost_cents AS cost
  FROM orders AS o
  JOIN order_items AS i ON i.order_id = o.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
)
SELECT coupon, COUNT(DISTINCT order_id),
       ROUND(SUM(value - disc) / 100, 2),
       ROUND(SUM(value - disc - cost) / 100, 2),
       ROUND(100 * SUM(value - disc - cost) / SUM(value - disc), 1) AS pct
FROM lines
GROUP BY coupon
ORDER BY pct DESC, coupon;
