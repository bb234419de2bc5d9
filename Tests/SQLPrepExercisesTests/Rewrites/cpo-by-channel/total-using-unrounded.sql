-- rewrite: TOTAL() for spend (a real), JOIN ... USING (channel), CPO left unrounded (NULL comes from dividing by NULL), channel DESC as an extra tie-break
WITH channel_spend AS (
  SELECT channel, TOTAL(spend_cents) / 100 AS spend
  FROM marketing_spend
  GROUP BY channel
),
channel_orders AS (
  SELECT channel, COUNT(*) AS n
  FROM orders
  JOIN sessions USING (session_id)
  WHERE status = 'completed'
  GROUP BY channel
)
SELECT channel, spend, IFNULL(n, 0), spend / n
FROM channel_spend
LEFT JOIN channel_orders USING (channel)
ORDER BY spend DESC, channel DESC;
