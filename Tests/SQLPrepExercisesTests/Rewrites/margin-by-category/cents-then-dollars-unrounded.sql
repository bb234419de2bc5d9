-- rewrite: margin per unit computed in cents and converted at the end, CAST AS REAL, money and percent left unrounded
WITH totals AS (
  SELECT
    p.category,
    SUM(i.quantity) AS units,
    SUM(i.quantity * i.unit_price_cents) AS rev,
    SUM(i.quantity * i.unit_price_cents) - SUM(i.quantity * p.cost_cents) AS margin
  FROM orders AS o
  JOIN order_items AS i ON i.order_id = o.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
  GROUP BY p.category
)
SELECT
  category,
  units,
  CAST(rev AS REAL) / 100,
  CAST(margin AS REAL) / rev * 100 AS margin_pct,
  CAST(margin AS REAL) / units / 100
FROM totals
ORDER BY margin_pct DESC, category;
