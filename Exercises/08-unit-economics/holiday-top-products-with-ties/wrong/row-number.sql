-- mistake: ROW_NUMBER gives tied products different ranks, so every tie shows a wrong rank (and a tie at 25th would lose a product)
-- trap: ties
WITH s AS (
  SELECT i.product_id, COUNT(DISTINCT o.order_id) AS orders,
         SUM(i.quantity * (i.unit_price_cents - p.cost_cents)) AS m
  FROM orders AS o JOIN order_items AS i ON i.order_id = o.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
    AND o.ordered_at >= '2024-10-01 00:00:00' AND o.ordered_at <= '2024-12-31 23:59:59'
  GROUP BY i.product_id
), r AS (
  SELECT s.*, ROW_NUMBER() OVER (ORDER BY orders DESC, product_id) AS sales_rank FROM s
)
SELECT r.sales_rank, r.product_id, p.name AS product, p.category, r.orders, ROUND(r.m / 100.0, 2) AS gross_margin
FROM r JOIN products AS p ON p.product_id = r.product_id
WHERE r.sales_rank <= 25
ORDER BY r.sales_rank, r.product_id;
