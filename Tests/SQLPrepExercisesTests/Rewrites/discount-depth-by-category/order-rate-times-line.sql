-- rewrite: each order's discount rate computed first in a CTE, then applied to its lines; CAST AS REAL; unrounded
WITH rates AS (
  SELECT order_id, CAST(discount_cents AS REAL) / subtotal_cents AS rate
  FROM orders
  WHERE status = 'completed'
)
SELECT
  p.category,
  SUM(i.quantity * i.unit_price_cents) / 100.0,
  SUM(r.rate * i.quantity * i.unit_price_cents) / 100.0,
  SUM(r.rate * i.quantity * i.unit_price_cents) / SUM(i.quantity * i.unit_price_cents) * 100 AS pct
FROM rates AS r
JOIN order_items AS i ON i.order_id = r.order_id
JOIN products AS p USING (product_id)
GROUP BY p.category
ORDER BY pct DESC, p.category;
