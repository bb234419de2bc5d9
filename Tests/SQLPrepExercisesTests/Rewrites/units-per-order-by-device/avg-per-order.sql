-- rewrite: one row per order with its device and units, then plain AVG; unrounded
WITH per_order AS (
  SELECT
    (SELECT device FROM sessions WHERE session_id = o.session_id) AS device,
    (SELECT TOTAL(quantity) FROM order_items WHERE order_id = o.order_id) AS units,
    o.subtotal_cents / 100.0 AS value
  FROM orders AS o
  WHERE o.status = 'completed'
)
SELECT device, COUNT(*), AVG(units), AVG(value)
FROM per_order
GROUP BY device
ORDER BY device;
