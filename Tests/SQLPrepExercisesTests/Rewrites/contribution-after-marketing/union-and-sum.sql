-- rewrite: orders and spend stacked with UNION ALL as signed amounts, then summed per channel; the spend channels kept by a filter
WITH order_cost AS (
  SELECT order_id, SUM(quantity * cost_cents) AS cost FROM order_items JOIN products USING (product_id) GROUP BY order_id
),
facts AS (
  SELECT s.channel, 1 AS is_order, o.subtotal_cents - o.discount_cents - oc.cost AS margin, 0 AS spend
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id JOIN order_cost AS oc ON oc.order_id = o.order_id
  WHERE o.status = 'completed' AND o.ordered_at BETWEEN '2025-01-01' AND '2025-06-30 23:59:59'
  UNION ALL
  SELECT channel, 0, 0, spend_cents FROM marketing_spend WHERE spend_date BETWEEN '2025-01-01' AND '2025-06-30'
)
SELECT channel, SUM(is_order) AS n,
       ROUND(SUM(margin) / 100.0, 2), ROUND(SUM(spend) / 100.0, 2),
       ROUND((SUM(margin) - SUM(spend)) / 100.0, 2) AS contrib,
       ROUND((SUM(margin) - SUM(spend)) / 100.0 / NULLIF(SUM(is_order), 0), 2)
FROM facts
WHERE channel IN (SELECT channel FROM marketing_spend)
GROUP BY channel
ORDER BY contrib DESC, channel;
