-- mistake: LIMIT 25 cuts off a product that ties with the 25th place
WITH s AS (
  SELECT i.product_id, COUNT(DISTINCT o.order_id) AS orders,
         SUM(i.quantity * (i.unit_price_cents - p.cost_cents)) AS m
  FROM orders AS o JOIN order_items AS i ON i.order_id = o.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
    AND o.ordered_at >= '2024-10-01 00:00:00' AND o.ordered_at <= '2024-12-31 23:59:59'
  GROUP BY i.product_id
)
SELECT RANK() OVER (ORDER BY s.orders DESC) AS sales_rank, s.product_id, p.name AS product, p.category,
       s.orders, ROUND(s.m / 100.0, 2) AS gross_margin
FROM s JOIN products AS p ON p.product_id = s.product_id
ORDER BY sales_rank, s.product_id
LIMIT 25;
