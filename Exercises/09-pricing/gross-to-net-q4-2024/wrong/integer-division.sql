-- mistake: integer division by 100 drops the cents
-- trap: integer-division
SELECT strftime('%Y-%m', ordered_at) AS month,
       SUM(subtotal_cents) / 100 AS item_value, SUM(discount_cents) / 100 AS discounts,
       SUM(shipping_cents) / 100 AS shipping, SUM(total_cents) / 100 AS paid
FROM orders
WHERE status = 'completed' AND ordered_at >= '2024-10-01' AND ordered_at < '2025-01-01'
GROUP BY month
ORDER BY month;
