-- mistake: picks the 40.00–49.99 band by item value alone, so FREESHIP orders that paid no shipping are counted as losing 4.99
WITH scoped AS (
  SELECT subtotal_cents, shipping_cents FROM orders
  WHERE status = 'completed' AND ordered_at >= '2025-01-01' AND ordered_at < '2025-07-01'
)
SELECT SUM(shipping_cents > 0) AS orders_paying_shipping,
       SUM(subtotal_cents >= 4000 AND subtotal_cents < 5000) AS orders_affected,
       ROUND(100.0 * SUM(subtotal_cents >= 4000 AND subtotal_cents < 5000) / SUM(shipping_cents > 0), 1) AS affected_pct,
       ROUND(SUM(subtotal_cents >= 4000 AND subtotal_cents < 5000) * 4.99, 2) AS shipping_lost
FROM scoped;
