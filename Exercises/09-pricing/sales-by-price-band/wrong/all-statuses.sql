-- mistake: includes the lines of cancelled and refunded orders
-- trap: order-status
WITH lines AS (
  SELECT CASE WHEN unit_price_cents < 2500 THEN 0 WHEN unit_price_cents < 5000 THEN 25 WHEN unit_price_cents < 10000 THEN 50 ELSE 100 END AS band_from,
         product_id, quantity, quantity * unit_price_cents AS revenue_cents
  FROM order_items
)
SELECT band_from, COUNT(DISTINCT product_id) AS products, SUM(quantity) AS units,
       ROUND(SUM(revenue_cents) / 100.0, 2) AS revenue,
       ROUND(100.0 * SUM(revenue_cents) / (SELECT SUM(revenue_cents) FROM lines), 1) AS revenue_share_pct
FROM lines
GROUP BY band_from
ORDER BY band_from;
