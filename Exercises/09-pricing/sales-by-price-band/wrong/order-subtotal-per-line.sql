-- mistake: takes revenue from the order's subtotal after joining it to its lines, so each order's subtotal is counted once per line and credited to every band it has a line in
-- trap: fan-out
WITH lines AS (
  SELECT CASE WHEN i.unit_price_cents < 2500 THEN 0 WHEN i.unit_price_cents < 5000 THEN 25 WHEN i.unit_price_cents < 10000 THEN 50 ELSE 100 END AS band_from,
         i.product_id, i.quantity, o.subtotal_cents AS revenue_cents
  FROM order_items AS i JOIN orders AS o ON o.order_id = i.order_id WHERE o.status = 'completed'
)
SELECT band_from, COUNT(DISTINCT product_id) AS products, SUM(quantity) AS units,
       ROUND(SUM(revenue_cents) / 100.0, 2) AS revenue,
       ROUND(100.0 * SUM(revenue_cents) / (SELECT SUM(revenue_cents) FROM lines), 1) AS revenue_share_pct
FROM lines
GROUP BY band_from
ORDER BY band_from;
