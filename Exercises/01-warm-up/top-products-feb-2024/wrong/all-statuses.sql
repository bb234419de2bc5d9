-- mistake: cancelled and refunded orders are counted as units sold
-- trap: order-status
WITH units_per_product AS (
  SELECT oi.product_id, SUM(oi.quantity) AS units
  FROM order_items AS oi
  JOIN orders AS o ON o.order_id = oi.order_id
  WHERE o.ordered_at >= '2024-02-01' AND o.ordered_at < '2024-03-01'
  GROUP BY oi.product_id
),
ranked AS (
  SELECT product_id, units, RANK() OVER (ORDER BY units DESC) AS units_rank
  FROM units_per_product
)
SELECT r.product_id, p.name, r.units
FROM ranked AS r
JOIN products AS p ON p.product_id = r.product_id
WHERE r.units_rank <= 8
ORDER BY r.units DESC, r.product_id;
