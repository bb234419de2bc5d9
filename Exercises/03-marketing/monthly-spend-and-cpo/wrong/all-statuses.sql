-- mistake: counts cancelled and refunded orders as well as completed ones
-- trap: order-status
WITH monthly_spend AS (
  SELECT substr(spend_date, 1, 7) AS month, SUM(spend_cents) AS spend_cents
  FROM marketing_spend GROUP BY month
),
monthly_orders AS (
  SELECT strftime('%Y-%m', o.ordered_at) AS month, COUNT(*) AS orders
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE s.campaign IS NOT NULL
  GROUP BY month
)
SELECT ms.month, ROUND(ms.spend_cents / 100.0, 2) AS spend, mo.orders AS campaign_orders,
       ROUND(ms.spend_cents / 100.0 / mo.orders, 2) AS cpo
FROM monthly_spend AS ms
LEFT JOIN monthly_orders AS mo ON mo.month = ms.month
ORDER BY ms.month;
