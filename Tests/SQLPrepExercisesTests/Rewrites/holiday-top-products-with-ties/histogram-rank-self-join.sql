-- rewrite: RANK() replaced by 1 + number of products with strictly more orders (self-join); JOIN ... USING
WITH q4 AS (
  SELECT
    product_id,
    COUNT(DISTINCT order_id) AS orders,
    SUM(quantity * (unit_price_cents - cost_cents)) AS margin_cents
  FROM orders
  JOIN order_items USING (order_id)
  JOIN products USING (product_id)
  WHERE status = 'completed'
    AND ordered_at >= '2024-10-01' AND ordered_at < '2025-01-01'
  GROUP BY product_id
),
ranked AS (
  SELECT a.product_id, a.orders, a.margin_cents, 1 + COUNT(b.product_id) AS r
  FROM q4 AS a
  LEFT JOIN q4 AS b ON b.orders > a.orders
  GROUP BY a.product_id, a.orders, a.margin_cents
)
SELECT r, product_id, name, category, orders, ROUND(margin_cents / 100.0, 2)
FROM ranked
JOIN products USING (product_id)
WHERE r <= 25
ORDER BY r, product_id;
