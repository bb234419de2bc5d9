-- rewrite: campaign orders per month from a correlated subquery using a month range on ordered_at; strftime for the spend month
SELECT
  month,
  ROUND(cents / 100.0, 2) AS spend,
  orders AS campaign_orders,
  ROUND(cents / 100.0 / orders, 2) AS cpo
FROM (
  SELECT
    strftime('%Y-%m', m.spend_date) AS month,
    SUM(m.spend_cents) AS cents,
    (SELECT COUNT(*)
       FROM orders AS o
       JOIN sessions AS s ON s.session_id = o.session_id
      WHERE o.status = 'completed'
        AND s.campaign IS NOT NULL
        AND o.ordered_at >= strftime('%Y-%m', m.spend_date) || '-01'
        AND o.ordered_at < date(strftime('%Y-%m', m.spend_date) || '-01', '+1 month')) AS orders
  FROM marketing_spend AS m
  GROUP BY strftime('%Y-%m', m.spend_date)
)
ORDER BY month;
