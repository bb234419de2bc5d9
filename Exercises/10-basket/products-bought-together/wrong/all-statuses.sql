-- mistake: includes the baskets of cancelled and refunded orders
-- trap: order-status
WITH lines AS (
  SELECT i.order_id, i.product_id FROM order_items AS i JOIN orders AS o ON o.order_id = i.order_id
  WHERE o.ordered_at >= '2025-01-01' AND o.ordered_at < '2025-07-01'
),
pairs AS (
  SELECT a.product_id AS id_a, b.product_id AS id_b, COUNT(*) AS orders
  FROM lines AS a JOIN lines AS b ON b.order_id = a.order_id AND b.product_id > a.product_id
  GROUP BY a.product_id, b.product_id
),
ranked AS (SELECT id_a, id_b, orders, RANK() OVER (ORDER BY orders DESC) AS pair_rank FROM pairs)
SELECT pa.name AS product_a, pb.name AS product_b, r.orders
FROM ranked AS r JOIN products AS pa ON pa.product_id = r.id_a JOIN products AS pb ON pb.product_id = r.id_b
WHERE r.pair_rank <= 15
ORDER BY r.orders DESC;
