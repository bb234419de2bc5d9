-- mistake: includes cancelled and refunded orders, which were never paid for or were paid back
-- trap: order-status
SELECT strftime('%Y-%m', ordered_at) AS month,
       ROUND(SUM(subtotal_cents) / 100.0, 2) AS item_value, ROUND(SUM(discount_cents) / 100.0, 2) AS discounts,
       ROUND(SUM(shipping_cents) / 100.0, 2) AS shipping, ROUND(SUM(total_cents) / 100.0, 2) AS paid
FROM orders
WHERE ordered_at >= '2024-10-01' AND ordered_at < '2025-01-01'
GROUP BY month
ORDER BY month;
