-- mistake: shows a CPO of 0 for a channel with no orders, which reads as the cheapest channel
-- trap: nulls
WITH channel_spend AS (
  SELECT channel, SUM(spend_cents) AS spend_cents FROM marketing_spend GROUP BY channel
),
channel_orders AS (
  SELECT s.channel, COUNT(*) AS orders
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE o.status = 'completed'
  GROUP BY s.channel
)
SELECT cs.channel, ROUND(cs.spend_cents / 100.0, 2) AS spend, COALESCE(co.orders, 0) AS orders,
       COALESCE(ROUND(cs.spend_cents / 100.0 / co.orders, 2), 0) AS cpo
FROM channel_spend AS cs
LEFT JOIN channel_orders AS co ON co.channel = cs.channel
ORDER BY spend DESC;
