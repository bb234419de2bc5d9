-- rewrite: TOTAL() for real sums, the window written with strftime on the month, GROUP BY position
SELECT
  strftime('%Y-%m', ordered_at),
  COUNT(order_id),
  ROUND(TOTAL(subtotal_cents) / 100, 2),
  ROUND(TOTAL(discount_cents) / 100, 2),
  ROUND(TOTAL(discount_cents) * 100 / TOTAL(subtotal_cents), 2)
FROM orders
WHERE status = 'completed' AND strftime('%Y-%m', ordered_at) BETWEEN '2025-01' AND '2025-06'
GROUP BY 1
ORDER BY 1;
