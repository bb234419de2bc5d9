-- mistake: lines of cancelled and refunded orders are counted as sales
-- trap: order-status
SELECT p.category, SUM(i.quantity) AS units,
       ROUND(SUM(i.quantity * i.unit_price_cents) / 100.0, 2) AS item_revenue,
       ROUND(100.0 * SUM(i.quantity * (i.unit_price_cents - p.cost_cents)) / SUM(i.quantity * i.unit_price_cents), 1) AS margin_pct,
       ROUND(SUM(i.quantity * (i.unit_price_cents - p.cost_cents)) / 100.0 / SUM(i.quantity), 2) AS margin_per_unit
FROM order_items AS i
JOIN products AS p ON p.product_id = i.product_id
GROUP BY p.category
ORDER BY margin_pct DESC, p.category;
