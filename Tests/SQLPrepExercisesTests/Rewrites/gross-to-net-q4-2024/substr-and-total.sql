-- rewrite: substr() for the month, TOTAL() sums, the window on date(); unrounded
SELECT substr(ordered_at, 1, 7) AS m,
       TOTAL(subtotal_cents) / 100, TOTAL(discount_cents) / 100, TOTAL(shipping_cents) / 100, TOTAL(total_cents) / 100
FROM orders
WHERE status = 'completed' AND date(ordered_at) BETWEEN '2024-10-01' AND '2024-12-31'
GROUP BY m
ORDER BY m;
