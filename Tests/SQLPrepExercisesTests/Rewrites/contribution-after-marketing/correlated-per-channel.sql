-- rewrite: one row per spend channel with correlated subqueries for orders and margin; NULLIF guards the division; unrounded
WITH ch AS (
  SELECT channel, SUM(spend_cents) AS spend FROM marketing_spend
  WHERE spend_date >= '2025-01-01' AND spend_date <= '2025-06-30' GROUP BY channel
),
scoped AS (
  SELECT s.channel, o.subtotal_cents - o.discount_cents
         - (SELECT SUM(i.quantity * p.cost_cents) FROM order_items AS i JOIN products AS p USING (product_id)
            WHERE i.order_id = o.order_id) AS margin
  FROM orders AS o JOIN sessions AS s USING (session_id)
  WHERE o.status = 'completed' AND date(o.ordered_at) BETWEEN '2025-01-01' AND '2025-06-30'
),
agg AS (
  SELECT ch.channel, ch.spend,
         (SELECT COUNT(*) FROM scoped WHERE scoped.channel = ch.channel) AS n,
         (SELECT TOTAL(margin) FROM scoped WHERE scoped.channel = ch.channel) AS m
  FROM ch
)
SELECT channel, n, m / 100, spend / 100.0, (m - spend) / 100 AS contrib, (m - spend) / 100 / NULLIF(n, 0)
FROM agg
ORDER BY contrib DESC, channel;
