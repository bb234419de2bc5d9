-- mistake: starts from the channels that have orders, so a channel we pay for but that brought no order (the podcast) disappears
-- trap: zero-groups
WITH order_cost AS (SELECT i.order_id, SUM(i.quantity * p.cost_cents) AS cost_cents FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id GROUP BY i.order_id),
channel_orders AS (
  SELECT s.channel, COUNT(*) AS orders, SUM(o.subtotal_cents - o.discount_cents - c.cost_cents) AS margin_cents
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id JOIN order_cost AS c ON c.order_id = o.order_id
  WHERE o.status = 'completed' AND o.ordered_at >= '2025-01-01' AND o.ordered_at < '2025-07-01'
  GROUP BY s.channel
),
channel_spend AS (SELECT channel, SUM(spend_cents) AS spend_cents FROM marketing_spend WHERE spend_date BETWEEN '2025-01-01' AND '2025-06-30' GROUP BY channel)
SELECT co.channel, co.orders, ROUND(co.margin_cents / 100.0, 2) AS product_margin, ROUND(sp.spend_cents / 100.0, 2) AS spend,
       ROUND((co.margin_cents - sp.spend_cents) / 100.0, 2) AS contribution,
       ROUND((co.margin_cents - sp.spend_cents) / 100.0 / co.orders, 2) AS contribution_per_order
FROM channel_orders AS co JOIN channel_spend AS sp ON sp.channel = co.channel
ORDER BY contribution DESC, co.channel;
