-- rewrite: sums in a CTE, CPC computed afterwards with CAST AS REAL; month by substr; unrounded
WITH monthly AS (
  SELECT substr(spend_date, 1, 7) AS m, campaign, SUM(clicks) AS c, SUM(spend_cents) AS s
  FROM marketing_spend
  WHERE channel = 'paid_search' AND substr(spend_date, 1, 7) BETWEEN '2025-01' AND '2025-06'
  GROUP BY 1, 2
)
SELECT m, campaign, c, s / 100.0, CAST(s AS REAL) / c / 100
FROM monthly
ORDER BY m, campaign;
