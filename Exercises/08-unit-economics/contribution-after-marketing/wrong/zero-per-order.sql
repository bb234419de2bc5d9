-- mistake: reports a per-order contribution of 0 for a channel with no orders, as if it had broken even
-- trap: nulls
WITH order_cost AS (SELECT i.order_id, SUM(i.quantity * p.cost_cents) AS cost_cents FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id GROUP BY i.order_id),
channel_orders AS (
  SELECT s.channel, COUNT(*) AS orders, SUM(o.subtotal_cents - o.discount_cents - c.cost_cents) AS margin_cents
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id JOIN order_cost AS c ON c.order_id = o.order_id
  WHERE o.status = 'completed' AND o.ordered_at >= '2025-01-01' AND o.ordered_at < '2025-07-01'
  GROUP BY s.channel
),
channel_spend AS (SELECT channel, SUM(spend_cents) AS spend_cents FROM marketing_spend WHERE spend_date BETWEEN '2025-01-01' AND '2025-06-30' GROUP BY channel)
SELECT sp.channel, COALESCE(co.orders, 0) AS orders, ROUND(COALESCE(co.margin_cents, 0) / 100.0, 2) AS product_margin,
       ROUND(sp.spend_cents / 100.0, 2) AS spend,
       ROUND((COALESCE(co.margin_cents, 0) - sp.spend_cents) / 100.0, 2) AS contribution,
       COALESCE(ROUND((co.margin_cents - sp.spend_cents) / 100.0 / co.orders, 2), 0) AS contribution_per_order
FROM channel_spend AS sp LEFT JOIN channel_orders AS co ON co.channel = sp.channel
ORDER BY contribution DESC, sp.channel;
