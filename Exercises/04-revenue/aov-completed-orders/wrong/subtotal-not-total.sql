-- mistake: uses the item subtotal, before discounts and without shipping, instead of what the customer paid
SELECT COUNT(*) AS completed_orders,
       ROUND(SUM(subtotal_cents) / 100.0, 2) AS revenue,
       ROUND(SUM(subtotal_cents) / 100.0 / COUNT(*), 2) AS aov
FROM orders
WHERE status = 'completed';
