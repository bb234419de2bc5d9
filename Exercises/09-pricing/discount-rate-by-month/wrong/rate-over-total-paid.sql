-- mistake: divides the discounts by what customers paid (after discount, with shipping) instead of the item value
SELECT strftime('%Y-%m', ordered_at) AS month, COUNT(*) AS orders,
       ROUND(SUM(subtotal_cents) / 100.0, 2) AS item_value,
       ROUND(SUM(discount_cents) / 100.0, 2) AS discounts,
       ROUND(100.0 * SUM(discount_cents) / SUM(total_cents), 2) AS discount_rate_pct
FROM orders
WHERE status = 'completed' AND ordered_at >= '2025-01-01' AND ordered_at < '2025-07-01'
GROUP BY month
ORDER BY month;
