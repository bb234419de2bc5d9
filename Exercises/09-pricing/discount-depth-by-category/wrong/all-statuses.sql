-- mistake: includes the lines of cancelled and refunded orders
-- trap: order-status
WITH lines AS (
  SELECT p.category, i.quantity * i.unit_price_cents AS line_cents,
         1.0 * o.discount_cents * i.quantity * i.unit_price_cents / o.subtotal_cents AS line_discount_cents
  FROM order_items AS i
  JOIN orders AS o ON o.order_id = i.order_id
  JOIN products AS p ON p.product_id = i.product_id
)
SELECT category, ROUND(SUM(line_cents) / 100.0, 2) AS item_revenue,
       ROUND(SUM(line_discount_cents) / 100.0, 2) AS discount,
       ROUND(100.0 * SUM(line_discount_cents) / SUM(line_cents), 2) AS discount_pct
FROM lines
GROUP BY category
ORDER BY discount_pct DESC, category;
