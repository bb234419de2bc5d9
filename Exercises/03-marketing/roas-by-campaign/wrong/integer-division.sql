-- mistake: integer division truncates every ROAS to a whole number
-- trap: integer-division
WITH campaign_spend AS (
  SELECT campaign, channel, SUM(spend_cents) AS spend_cents FROM marketing_spend GROUP BY campaign, channel
),
campaign_revenue AS (
  SELECT s.campaign, SUM(o.total_cents) AS revenue_cents
  FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE o.status = 'completed'
  GROUP BY s.campaign
)
SELECT cs.campaign, cs.channel, ROUND(cs.spend_cents / 100.0, 2) AS spend,
       ROUND(COALESCE(cr.revenue_cents, 0) / 100.0, 2) AS revenue,
       COALESCE(cr.revenue_cents, 0) / cs.spend_cents AS roas
FROM campaign_spend AS cs
LEFT JOIN campaign_revenue AS cr ON cr.campaign = cs.campaign
ORDER BY roas DESC, cs.campaign;
