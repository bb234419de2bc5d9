-- rewrite: TOTAL() gives 0.0 with no rows, JOIN ... USING (campaign), ROAS as dollars / dollars left unrounded
WITH spend AS (
  SELECT campaign, channel, TOTAL(spend_cents) / 100.0 AS spend_usd
  FROM marketing_spend
  GROUP BY campaign, channel
),
revenue AS (
  SELECT campaign, TOTAL(total_cents) / 100.0 AS revenue_usd
  FROM orders
  JOIN sessions USING (session_id)
  WHERE status = 'completed'
  GROUP BY campaign
)
SELECT
  campaign,
  channel,
  spend_usd,
  COALESCE(revenue_usd, 0),
  COALESCE(revenue_usd, 0) / spend_usd AS roas
FROM spend
LEFT JOIN revenue USING (campaign)
ORDER BY roas DESC, campaign;
