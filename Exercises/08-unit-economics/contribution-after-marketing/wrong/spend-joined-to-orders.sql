-- mistake: joins the per-channel order totals to the daily spend rows before summing, so the margin is added once per spend day
-- trap: fan-out
WITH order_cost AS (SELECT i.order_id, SUM(i.quantity * p.cost_cents) AS cost_cents FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id GROUP BY i.order_id),
channel_orders AS (
  SELECT s.channel, COUNT(*) AS orders, SUM(o.subtotal_cents - o.discount_cents - c.cost_cents) AS margin_cents
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id JOIN order_cost AS c ON c.order_id = o.order_id
  WHERE o.status = 'completed' AND o.ordered_at >= '2025-01-01' AND o.ordered_at < '2025-07-01'
  GROUP BY s.channel
)
SELECT m.channel, COALESCE(MAX(co.orders), 0) AS orders,
       ROUND(COALESCE(SUM(co.margin_cents), 0) / 100.0, 2) AS product_margin,
       ROUND(SUM(m.spend_cents) / 100.0, 2) AS spend,
       ROUND((COALESCE(SUM(co.margin_cents), 0) - SUM(m.spend_cents)) / 100.0, 2) AS contribution,
       ROUND((SUM(co.margin_cents) - SUM(m.spend_cents)) / 100.0 / MAX(co.orders), 2) AS contribution_per_order
FROM marketing_spend AS m
LEFT JOIN channel_orders AS co ON co.channel = m.channel
WHERE m.spend_date BETWEEN '2025-01-01' AND '2025-06-30'
GROUP BY m.channel
ORDER BY contribution DESC, m.channel;
