-- mistake: values the lines at today's list price (products.price_cents) instead of the price paid, so sale and earlier-price lines look more profitable
WITH lines AS (
  SELECT
    p.category,
    i.quantity,
    i.quantity * p.price_cents AS revenue_cents,
    i.quantity * p.cost_cents AS cost_cents
  FROM order_items AS i
  JOIN orders AS o ON o.order_id = i.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
)
SELECT
  category,
  SUM(quantity) AS units,
  ROUND(SUM(revenue_cents) / 100.0, 2) AS item_revenue,
  ROUND(100.0 * (SUM(revenue_cents) - SUM(cost_cents)) / SUM(revenue_cents), 1) AS margin_pct,
  ROUND((SUM(revenue_cents) - SUM(cost_cents)) / 100.0 / SUM(quantity), 2) AS margin_per_unit
FROM lines
GROUP BY category
ORDER BY margin_pct DESC, category;
