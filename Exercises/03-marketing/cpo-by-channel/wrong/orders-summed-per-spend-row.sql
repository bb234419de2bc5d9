-- mistake: joins the order count to every daily spend row and sums it, multiplying orders by the number of spend days
-- trap: fan-out
WITH channel_orders AS (
  SELECT s.channel, COUNT(*) AS orders
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE o.status = 'completed'
  GROUP BY s.channel
)
SELECT ms.channel,
       ROUND(SUM(ms.spend_cents) / 100.0, 2) AS spend,
       COALESCE(SUM(co.orders), 0) AS orders,
       ROUND(SUM(ms.spend_cents) / 100.0 / SUM(co.orders), 2) AS cpo
FROM marketing_spend AS ms
LEFT JOIN channel_orders AS co ON co.channel = ms.channel
GROUP BY ms.channel
ORDER BY spend DESC;
