-- rewrite: TOTAL() for spend, JOIN ... USING (session_id) and USING (month), CPO left unrounded
WITH spend AS (
  SELECT substr(spend_date, 1, 7) AS month, TOTAL(spend_cents) / 100 AS dollars
  FROM marketing_spend
  GROUP BY 1
),
campaign_orders AS (
  SELECT substr(ordered_at, 1, 7) AS month, COUNT(*) AS n
  FROM orders
  JOIN sessions USING (session_id)
  WHERE status = 'completed' AND campaign IS NOT NULL
  GROUP BY 1
)
SELECT month, dollars, IFNULL(n, 0), dollars / n
FROM spend
LEFT JOIN campaign_orders USING (month)
ORDER BY month;
