-- mistake: includes the lines of cancelled and refunded orders
-- trap: order-status
WITH category_lines AS (
  SELECT p.category, oi.order_id, oi.quantity * oi.unit_price_cents AS line_cents
  FROM order_items AS oi
  JOIN products AS p ON p.product_id = oi.product_id
)
SELECT category, COUNT(DISTINCT order_id) AS orders,
       ROUND(SUM(line_cents) / 100.0, 2) AS revenue,
       ROUND(100.0 * SUM(line_cents) / (SELECT SUM(line_cents) FROM category_lines), 1) AS share_pct
FROM category_lines
GROUP BY category
ORDER BY revenue DESC, category;
