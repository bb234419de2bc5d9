-- mistake: integer division truncates every share to a whole percent
-- trap: integer-division
WITH category_lines AS (
  SELECT p.category, oi.order_id, oi.quantity * oi.unit_price_cents AS line_cents
  FROM order_items AS oi
  JOIN orders AS o ON o.order_id = oi.order_id
  JOIN products AS p ON p.product_id = oi.product_id
  WHERE o.status = 'completed'
)
SELECT category, COUNT(DISTINCT order_id) AS orders,
       ROUND(SUM(line_cents) / 100.0, 2) AS revenue,
       100 * SUM(line_cents) / (SELECT SUM(line_cents) FROM category_lines) AS share_pct
FROM category_lines
GROUP BY category
ORDER BY revenue DESC, category;
