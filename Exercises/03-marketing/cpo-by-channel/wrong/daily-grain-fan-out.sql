-- mistake: joins orders per channel and day to spend rows, which are per campaign and day, so channels with two campaigns count each order twice
-- trap: fan-out
WITH daily_orders AS (
  SELECT s.channel, date(o.ordered_at) AS day, COUNT(*) AS orders
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE o.status = 'completed'
  GROUP BY s.channel, date(o.ordered_at)
)
SELECT ms.channel,
       ROUND(SUM(ms.spend_cents) / 100.0, 2) AS spend,
       COALESCE(SUM(d.orders), 0) AS orders,
       ROUND(SUM(ms.spend_cents) / 100.0 / SUM(d.orders), 2) AS cpo
FROM marketing_spend AS ms
LEFT JOIN daily_orders AS d ON d.channel = ms.channel AND d.day = ms.spend_date
GROUP BY ms.channel
ORDER BY spend DESC;
