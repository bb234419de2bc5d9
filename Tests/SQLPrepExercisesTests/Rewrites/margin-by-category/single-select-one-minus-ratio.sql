-- rewrite: no CTE, one SELECT over the joined lines; margin % written as (1 - cost / revenue) * 100; JOIN ... USING
SELECT
  category,
  SUM(quantity) AS units_sold,
  ROUND(SUM(quantity * unit_price_cents) / 100.0, 2) AS revenue,
  ROUND((1 - 1.0 * SUM(quantity * cost_cents) / SUM(quantity * unit_price_cents)) * 100, 1) AS margin_percent,
  ROUND(SUM(quantity * (unit_price_cents - cost_cents)) / 100.0 / SUM(quantity), 2) AS per_unit
FROM order_items
JOIN orders USING (order_id)
JOIN products USING (product_id)
WHERE status = 'completed'
GROUP BY category
ORDER BY margin_percent DESC, category;
