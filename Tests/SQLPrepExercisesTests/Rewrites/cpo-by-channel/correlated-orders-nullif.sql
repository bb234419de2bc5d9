-- rewrite: completed orders per channel from a correlated subquery instead of LEFT JOIN + COALESCE; NULLIF guards the division
SELECT
  channel,
  spend,
  orders,
  ROUND(spend / NULLIF(orders, 0), 2) AS cost_per_order
FROM (
  SELECT
    ms.channel,
    SUM(ms.spend_cents) / 100.0 AS spend,
    (SELECT COUNT(*)
       FROM orders AS o
       JOIN sessions AS s ON s.session_id = o.session_id
      WHERE o.status = 'completed' AND s.channel = ms.channel) AS orders
  FROM marketing_spend AS ms
  GROUP BY ms.channel
) AS t
ORDER BY spend DESC, channel;
