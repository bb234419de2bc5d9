-- mistake: counts order lines instead of distinct orders, so an order with two lines of a category counts twice
-- trap: fan-out
WITH category_lines AS (
  SELECT p.category, oi.order_id, oi.quantity * oi.unit_price_cents AS line_cents
  FROM order_items AS oi
  JOIN orders AS o ON o.order_id = oi.order_id
  JOIN products AS p ON p.product_id = oi.product_id
  WHERE o.status = 'completed'
)
SELECT category, COUNT(*) AS orders,
       ROUND(SUM(line_cents) / 100.0, 2) AS revenue,
       ROUND(100.0 * SUM(line_cents) / (SELECT SUM(line_cents) FROM category_lines), 1) AS share_pct
FROM category_lines
GROUP BY category
ORDER BY revenue DESC, category;
