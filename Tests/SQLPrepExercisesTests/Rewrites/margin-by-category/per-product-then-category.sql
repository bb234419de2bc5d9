-- rewrite: aggregates per product first, then rolled up to category (sums of sums); completed orders via IN subquery; TOTAL()
WITH per_product AS (
  SELECT
    i.product_id,
    TOTAL(i.quantity) AS units,
    TOTAL(i.quantity * i.unit_price_cents) AS rev_cents,
    TOTAL(i.quantity * i.unit_price_cents) - TOTAL(i.quantity) * pr.cost_cents AS margin_cents
  FROM order_items AS i
  JOIN products AS pr ON pr.product_id = i.product_id
  WHERE i.order_id IN (SELECT order_id FROM orders WHERE status = 'completed')
  GROUP BY i.product_id, pr.cost_cents
)
SELECT
  p.category,
  SUM(pp.units),
  ROUND(SUM(pp.rev_cents) / 100, 2),
  ROUND(100 * SUM(pp.margin_cents) / SUM(pp.rev_cents), 1),
  ROUND(SUM(pp.margin_cents) / SUM(pp.units) / 100, 2)
FROM per_product AS pp
JOIN products AS p ON p.product_id = pp.product_id
GROUP BY p.category
ORDER BY 4 DESC, 1;
