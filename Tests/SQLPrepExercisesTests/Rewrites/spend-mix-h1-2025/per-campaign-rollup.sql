-- rewrite: spend per campaign first, rolled up to channels; the half year picked by substr on the month
WITH per_campaign AS (
  SELECT channel, campaign, TOTAL(spend_cents) AS cents
  FROM marketing_spend
  WHERE substr(spend_date, 1, 7) BETWEEN '2025-01' AND '2025-06'
  GROUP BY channel, campaign
)
SELECT channel, ROUND(SUM(cents) / 100, 2) AS spend, ROUND(SUM(cents) * 100 / (SELECT SUM(cents) FROM per_campaign), 1)
FROM per_campaign
GROUP BY channel
ORDER BY spend DESC, channel;
