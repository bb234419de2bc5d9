-- rewrite: grouped first, the share from a window total
WITH by_category AS (
  SELECT p.category, COUNT(DISTINCT o.order_id) AS orders, SUM(oi.quantity * oi.unit_price_cents) AS cents
  FROM orders o
  JOIN order_items oi ON oi.order_id = o.order_id
  JOIN products p ON p.product_id = oi.product_id
  WHERE o.status = 'completed'
  GROUP BY p.category
)
SELECT category, orders, cents / 100.0 AS revenue,
  ROUND(100.0 * cents / SUM(cents) OVER (), 1) AS share_pct
FROM by_category
ORDER BY revenue DESC, category;
