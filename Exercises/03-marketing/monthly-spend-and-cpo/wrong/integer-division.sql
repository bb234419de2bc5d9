-- mistake: integer division on cents drops the cents from spend and from the cost per order
-- trap: integer-division
WITH monthly_spend AS (
  SELECT substr(spend_date, 1, 7) AS month, SUM(spend_cents) AS spend_cents
  FROM marketing_spend GROUP BY month
),
monthly_orders AS (
  SELECT strftime('%Y-%m', o.ordered_at) AS month, COUNT(*) AS orders
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE o.status = 'completed' AND s.campaign IS NOT NULL
  GROUP BY month
)
SELECT ms.month, ms.spend_cents / 100 AS spend, mo.orders AS campaign_orders,
       ms.spend_cents / mo.orders / 100 AS cpo
FROM monthly_spend AS ms
LEFT JOIN monthly_orders AS mo ON mo.month = ms.month
ORDER BY ms.month;
