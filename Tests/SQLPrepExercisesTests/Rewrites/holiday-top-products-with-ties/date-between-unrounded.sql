-- rewrite: quarter as date(ordered_at) BETWEEN '2024-10-01' AND '2024-12-31', RANK in a subquery, margin unrounded and as TOTAL()
SELECT sales_rank, product_id, product, category, orders, margin
FROM (
  SELECT
    RANK() OVER (ORDER BY COUNT(DISTINCT oi.order_id) DESC) AS sales_rank,
    p.product_id,
    p.name AS product,
    p.category,
    COUNT(DISTINCT oi.order_id) AS orders,
    TOTAL(oi.quantity * (oi.unit_price_cents - p.cost_cents)) / 100 AS margin
  FROM order_items AS oi
  JOIN orders AS o ON o.order_id = oi.order_id
  JOIN products AS p ON p.product_id = oi.product_id
  WHERE o.status = 'completed'
    AND date(o.ordered_at) BETWEEN '2024-10-01' AND '2024-12-31'
  GROUP BY p.product_id, p.name, p.category
)
WHERE sales_rank <= 25
ORDER BY sales_rank, product_id;
