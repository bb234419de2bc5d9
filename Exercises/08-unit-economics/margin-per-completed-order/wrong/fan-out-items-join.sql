-- mistake: joining order_items repeats total_cents and the 499 delivery cost once per order line
-- trap: fan-out
SELECT strftime('%Y-%m', o.ordered_at) AS month,
       COUNT(DISTINCT o.order_id) AS completed_orders,
       ROUND(SUM(o.total_cents) / 100.0, 2) AS revenue,
       ROUND(SUM(o.total_cents - i.quantity * p.cost_cents - 499) / 100.0, 2) AS margin,
       ROUND(SUM(o.total_cents - i.quantity * p.cost_cents - 499) / 100.0 / COUNT(DISTINCT o.order_id), 2) AS margin_per_order
FROM orders AS o
JOIN order_items AS i ON i.order_id = o.order_id
JOIN products AS p ON p.product_id = i.product_id
WHERE o.status = 'completed'
  AND o.ordered_at >= '2025-01-01 00:00:00' AND o.ordered_at <= '2025-06-30 23:59:59'
GROUP BY month
ORDER BY month;
