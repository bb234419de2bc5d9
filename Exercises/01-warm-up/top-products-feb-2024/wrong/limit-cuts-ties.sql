-- mistake: LIMIT 8 keeps exactly eight rows and drops a product tied with the eighth one
-- trap: ties
SELECT oi.product_id, p.name, SUM(oi.quantity) AS units
FROM order_items AS oi
JOIN orders AS o ON o.order_id = oi.order_id
JOIN products AS p ON p.product_id = oi.product_id
WHERE o.status = 'completed'
  AND o.ordered_at >= '2024-02-01' AND o.ordered_at < '2024-03-01'
GROUP BY oi.product_id, p.name
ORDER BY units DESC, oi.product_id
LIMIT 8;
