-- rewrite: band from the dollar price with nested IIF, the share from a window over the groups; unrounded
SELECT
  IIF(i.unit_price_cents / 100.0 < 25, 0, IIF(i.unit_price_cents / 100.0 < 50, 25, IIF(i.unit_price_cents / 100.0 < 100, 50, 100))) AS b,
  COUNT(DISTINCT i.product_id),
  SUM(i.quantity),
  SUM(i.quantity * i.unit_price_cents) / 100.0,
  SUM(i.quantity * i.unit_price_cents) * 100.0 / SUM(SUM(i.quantity * i.unit_price_cents)) OVER ()
FROM order_items AS i
WHERE i.order_id IN (SELECT order_id FROM orders WHERE status = 'completed')
GROUP BY b
ORDER BY b;
