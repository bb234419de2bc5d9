-- mistake: the margin share is a fraction (0 to 1) where a percentage (0 to 100) is asked for
-- trap: percent-vs-fraction
SELECT p.category, SUM(i.quantity) AS units,
       ROUND(SUM(i.quantity * i.unit_price_cents) / 100.0, 2) AS item_revenue,
       ROUND(1.0 * SUM(i.quantity * (i.unit_price_cents - p.cost_cents)) / SUM(i.quantity * i.unit_price_cents), 1) AS margin_pct,
       ROUND(SUM(i.quantity * (i.unit_price_cents - p.cost_cents)) / 100.0 / SUM(i.quantity), 2) AS margin_per_unit
FROM order_items AS i
JOIN orders AS o ON o.order_id = i.order_id
JOIN products AS p ON p.product_id = i.product_id
WHERE o.status = 'completed'
GROUP BY p.category
ORDER BY margin_pct DESC, p.category;
