-- rewrite: aggregate FILTER clauses over all in-scope orders, CAST AS REAL, unrounded
SELECT
  COUNT(*) FILTER (WHERE shipping_cents > 0),
  COUNT(*) FILTER (WHERE shipping_cents > 0 AND subtotal_cents >= 4000),
  CAST(COUNT(*) FILTER (WHERE shipping_cents > 0 AND subtotal_cents >= 4000) AS REAL)
    / COUNT(*) FILTER (WHERE shipping_cents > 0) * 100,
  TOTAL(shipping_cents) FILTER (WHERE shipping_cents > 0 AND subtotal_cents >= 4000) / 100
FROM orders
WHERE status = 'completed' AND date(ordered_at) >= '2025-01-01' AND date(ordered_at) <= '2025-06-30';
