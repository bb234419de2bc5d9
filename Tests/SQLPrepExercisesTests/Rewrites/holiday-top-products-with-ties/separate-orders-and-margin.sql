-- rewrite: order counts from distinct (product, order) pairs and margin from lines in two CTEs joined; strftime quarter filter; CAST
WITH q4_orders AS (
  SELECT order_id FROM orders
  WHERE status = 'completed'
    AND strftime('%Y-%m', ordered_at) IN ('2024-10', '2024-11', '2024-12')
),
pairs AS (
  SELECT DISTINCT oi.product_id, oi.order_id
  FROM order_items AS oi
  JOIN q4_orders AS q ON q.order_id = oi.order_id
),
order_counts AS (
  SELECT product_id, COUNT(*) AS n FROM pairs GROUP BY product_id
),
margins AS (
  SELECT oi.product_id, SUM(oi.quantity * (oi.unit_price_cents - p.cost_cents)) AS cents
  FROM order_items AS oi
  JOIN q4_orders AS q ON q.order_id = oi.order_id
  JOIN products AS p ON p.product_id = oi.product_id
  GROUP BY oi.product_id
),
ranked AS (
  SELECT oc.product_id, oc.n, m.cents, RANK() OVER (ORDER BY oc.n DESC) AS rk
  FROM order_counts AS oc
  JOIN margins AS m ON m.product_id = oc.product_id
)
SELECT r.rk, r.product_id, p.name, p.category, r.n, ROUND(CAST(r.cents AS REAL) / 100, 2)
FROM ranked AS r
JOIN products AS p ON p.product_id = r.product_id
WHERE r.rk <= 25
ORDER BY r.rk, r.product_id;
