-- rewrite: the order's line total recomputed with a window instead of reading subtotal_cents; TOTAL()
WITH lines AS (
  SELECT
    p.category,
    i.quantity * i.unit_price_cents AS v,
    o.discount_cents AS d,
    SUM(i.quantity * i.unit_price_cents) OVER (PARTITION BY i.order_id) AS order_v
  FROM orders AS o
  JOIN order_items AS i ON i.order_id = o.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
)
SELECT category,
       ROUND(TOTAL(v) / 100, 2),
       ROUND(TOTAL(d * v / order_v) / 100, 2),
       ROUND(TOTAL(d * v / order_v) * 100 / TOTAL(v), 2) AS pct
FROM (SELECT category, v, CAST(d AS REAL) AS d, order_v FROM lines)
GROUP BY category
ORDER BY pct DESC, category;
