-- mistake: integer division truncates the affected share to a whole percent
-- trap: integer-division
WITH paying AS (
  SELECT subtotal_cents, shipping_cents FROM orders
  WHERE status = 'completed' AND ordered_at >= '2025-01-01' AND ordered_at < '2025-07-01' AND shipping_cents > 0
)
SELECT COUNT(*) AS orders_paying_shipping,
       SUM(subtotal_cents >= 4000) AS orders_affected,
       100 * SUM(subtotal_cents >= 4000) / COUNT(*) AS affected_pct,
       ROUND(SUM(CASE WHEN subtotal_cents >= 4000 THEN shipping_cents ELSE 0 END) / 100.0, 2) AS shipping_lost
FROM paying;
