-- rewrite: spend aggregated first, then LEFT JOIN sessions/orders with the status in ON and COUNT(order_id); CASE for the NULL CPO
WITH spend AS (
  SELECT channel, SUM(spend_cents) AS cents FROM marketing_spend GROUP BY channel
)
SELECT
  sp.channel,
  ROUND(sp.cents / 100.0, 2) AS spend_usd,
  COUNT(o.order_id) AS completed_orders,
  CASE WHEN COUNT(o.order_id) = 0 THEN NULL
       ELSE ROUND(sp.cents / 100.0 / COUNT(o.order_id), 2) END AS cpo
FROM spend AS sp
LEFT JOIN sessions AS s ON s.channel = sp.channel
LEFT JOIN orders AS o ON o.session_id = s.session_id AND o.status = 'completed'
GROUP BY sp.channel, sp.cents
ORDER BY spend_usd DESC;
