-- mistake: integer division truncates each share to a whole percent
-- trap: integer-division
WITH lines AS (
  SELECT CASE WHEN i.unit_price_cents < 2500 THEN 0 WHEN i.unit_price_cents < 5000 THEN 25 WHEN i.unit_price_cents < 10000 THEN 50 ELSE 100 END AS band_from,
         i.product_id, i.quantity, i.quantity * i.unit_price_cents AS revenue_cents
  FROM order_items AS i JOIN orders AS o ON o.order_id = i.order_id WHERE o.status = 'completed'
)
SELECT band_from, COUNT(DISTINCT product_id) AS products, SUM(quantity) AS units,
       ROUND(SUM(revenue_cents) / 100.0, 2) AS revenue,
       100 * SUM(revenue_cents) / (SELECT SUM(revenue_cents) FROM lines) AS revenue_share_pct
FROM lines
GROUP BY band_from
ORDER BY band_from;
