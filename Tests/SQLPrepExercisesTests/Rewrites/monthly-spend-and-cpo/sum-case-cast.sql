-- rewrite: campaign orders counted with SUM(CASE ...) over all completed orders; CAST AS REAL; NULLIF guard on the division
WITH mo AS (
  SELECT strftime('%Y-%m', o.ordered_at) AS ym,
         SUM(CASE WHEN s.campaign IS NOT NULL THEN 1 ELSE 0 END) AS campaign_orders
  FROM orders AS o
  JOIN sessions AS s ON s.session_id = o.session_id
  WHERE o.status = 'completed'
  GROUP BY ym
),
ms AS (
  SELECT substr(spend_date, 1, 7) AS ym, SUM(spend_cents) AS cents
  FROM marketing_spend
  GROUP BY ym
)
SELECT
  ms.ym,
  ROUND(CAST(ms.cents AS REAL) / 100, 2),
  COALESCE(mo.campaign_orders, 0),
  ROUND(CAST(ms.cents AS REAL) / 100 / NULLIF(mo.campaign_orders, 0), 2)
FROM ms
LEFT JOIN mo ON mo.ym = ms.ym
ORDER BY ms.ym;
