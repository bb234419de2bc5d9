-- rewrite: the bands as a VALUES table joined by range, TOTAL() sums
WITH bands(lo, hi, band_from) AS (VALUES (0, 2500, 0), (2500, 5000, 25), (5000, 10000, 50), (10000, 1000000000, 100)),
lines AS (
  SELECT b.band_from, i.product_id, i.quantity, i.quantity * i.unit_price_cents AS cents
  FROM order_items AS i
  JOIN orders AS o ON o.order_id = i.order_id AND o.status = 'completed'
  JOIN bands AS b ON i.unit_price_cents >= b.lo AND i.unit_price_cents < b.hi
)
SELECT band_from, COUNT(DISTINCT product_id), SUM(quantity), ROUND(TOTAL(cents) / 100, 2),
       ROUND(TOTAL(cents) * 100 / (SELECT TOTAL(cents) FROM lines), 1)
FROM lines
GROUP BY band_from
ORDER BY band_from;
