-- mistake: the window ends before 29 February, so the leap day's orders are missing
-- trap: date-window
WITH units_per_product AS (
  SELECT oi.product_id, SUM(oi.quantity) AS units
  FROM order_items AS oi
  JOIN orders AS o ON o.order_id = oi.order_id
  WHERE o.status = 'completed'
    AND o.ordered_at BETWEEN '2024-02-01' AND '2024-02-28 23:59:59'
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
