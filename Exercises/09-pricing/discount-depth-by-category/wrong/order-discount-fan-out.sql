-- mistake: sums the order's discount_cents on every line, so each order's discount is counted once per line and charged in full to every category in it
-- trap: fan-out
SELECT p.category,
       ROUND(SUM(i.quantity * i.unit_price_cents) / 100.0, 2) AS item_revenue,
       ROUND(SUM(o.discount_cents) / 100.0, 2) AS discount,
       ROUND(100.0 * SUM(o.discount_cents) / SUM(i.quantity * i.unit_price_cents), 2) AS discount_pct
FROM order_items AS i
JOIN orders AS o ON o.order_id = i.order_id
JOIN products AS p ON p.product_id = i.product_id
WHERE o.status = 'completed'
GROUP BY p.category
ORDER BY discount_pct DESC, p.category;
