-- mistake: keeps cancelled and refunded orders in the counts and sums
-- trap: order-status
SELECT strftime('%Y-%m', ordered_at) AS month, COUNT(*) AS orders,
       ROUND(SUM(subtotal_cents) / 100.0, 2) AS item_value,
       ROUND(SUM(discount_cents) / 100.0, 2) AS discounts,
       ROUND(100.0 * SUM(discount_cents) / SUM(subtotal_cents), 2) AS discount_rate_pct
FROM orders
WHERE ordered_at >= '2025-01-01' AND ordered_at < '2025-07-01'
GROUP BY month
ORDER BY month;
