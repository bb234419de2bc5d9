-- mistake: integer arithmetic drops the decimals of the percentage and the cents of the per-unit margin
-- trap: integer-division
SELECT p.category, SUM(i.quantity) AS units,
       ROUND(SUM(i.quantity * i.unit_price_cents) / 100.0, 2) AS item_revenue,
       100 * SUM(i.quantity * (i.unit_price_cents - p.cost_cents)) / SUM(i.quantity * i.unit_price_cents) AS margin_pct,
       SUM(i.quantity * (i.unit_price_cents - p.cost_cents)) / SUM(i.quantity) / 100 AS margin_per_unit
FROM order_items AS i
JOIN orders AS o ON o.order_id = i.order_id
JOIN products AS p ON p.product_id = i.product_id
WHERE o.status = 'completed'
GROUP BY p.category
ORDER BY margin_pct DESC, p.category;
