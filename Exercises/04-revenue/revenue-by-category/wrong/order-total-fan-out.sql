-- mistake: sums the order total after joining to order lines, so each order's total is repeated per line and credited to every category in it
-- trap: fan-out
SELECT p.category,
       COUNT(DISTINCT o.order_id) AS orders,
       ROUND(SUM(o.total_cents) / 100.0, 2) AS revenue,
       ROUND(100.0 * SUM(o.total_cents) / (SELECT SUM(total_cents) FROM orders WHERE status = 'completed'), 1) AS share_pct
FROM orders AS o
JOIN order_items AS oi ON oi.order_id = o.order_id
JOIN products AS p ON p.product_id = oi.product_id
WHERE o.status = 'completed'
GROUP BY p.category
ORDER BY revenue DESC, p.category;
