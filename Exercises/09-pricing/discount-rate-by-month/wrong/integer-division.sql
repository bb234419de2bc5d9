-- mistake: integer division truncates the rate to a whole percent
-- trap: integer-division
SELECT strftime('%Y-%m', ordered_at) AS month, COUNT(*) AS orders,
       ROUND(SUM(subtotal_cents) / 100.0, 2) AS item_value,
       ROUND(SUM(discount_cents) / 100.0, 2) AS discounts,
       100 * SUM(discount_cents) / SUM(subtotal_cents) AS discount_rate_pct
FROM orders
WHERE status = 'completed' AND ordered_at >= '2025-01-01' AND ordered_at < '2025-07-01'
GROUP BY month
ORDER BY month;
