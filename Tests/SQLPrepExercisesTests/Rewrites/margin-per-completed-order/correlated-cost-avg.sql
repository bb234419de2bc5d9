-- rewrite: product cost per order from a correlated subquery, margin per order as AVG(margin) / 100; date(ordered_at) BETWEEN
WITH per_order AS (
  SELECT
    strftime('%Y-%m', o.ordered_at) AS month,
    o.total_cents,
    o.total_cents - 499
      - (SELECT SUM(i.quantity * p.cost_cents)
           FROM order_items AS i
           JOIN products AS p ON p.product_id = i.product_id
          WHERE i.order_id = o.order_id) AS margin_cents
  FROM orders AS o
  WHERE o.status = 'completed'
    AND date(o.ordered_at) BETWEEN '2025-01-01' AND '2025-06-30'
)
SELECT
  month,
  COUNT(*) AS orders,
  ROUND(SUM(total_cents) / 100.0, 2) AS revenue,
  ROUND(SUM(margin_cents) / 100.0, 2) AS margin,
  ROUND(AVG(margin_cents) / 100.0, 2) AS per_order
FROM per_order
GROUP BY month
ORDER BY month;
