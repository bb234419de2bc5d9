-- mistake: splits each order's discount equally between its lines instead of in proportion to their value
WITH line_counts AS (SELECT order_id, COUNT(*) AS n FROM order_items GROUP BY order_id)
SELECT p.category,
       ROUND(SUM(i.quantity * i.unit_price_cents) / 100.0, 2) AS item_revenue,
       ROUND(SUM(1.0 * o.discount_cents / c.n) / 100.0, 2) AS discount,
       ROUND(100.0 * SUM(1.0 * o.discount_cents / c.n) / SUM(i.quantity * i.unit_price_cents), 2) AS discount_pct
FROM order_items AS i
JOIN orders AS o ON o.order_id = i.order_id
JOIN line_counts AS c ON c.order_id = i.order_id
JOIN products AS p ON p.product_id = i.product_id
WHERE o.status = 'completed'
GROUP BY p.category
ORDER BY discount_pct DESC, p.category;
