-- rewrite: revenue from a correlated subquery with IFNULL instead of a LEFT JOINed CTE; ROAS as revenue * 1.0 / spend
SELECT
  campaign,
  channel,
  ROUND(spend_cents / 100.0, 2) AS spend,
  ROUND(revenue_cents / 100.0, 2) AS revenue,
  ROUND(revenue_cents * 1.0 / spend_cents, 2) AS roas
FROM (
  SELECT
    ms.campaign,
    ms.channel,
    SUM(ms.spend_cents) AS spend_cents,
    IFNULL((SELECT SUM(o.total_cents)
              FROM orders AS o
              JOIN sessions AS s ON s.session_id = o.session_id
             WHERE o.status = 'completed' AND s.campaign = ms.campaign), 0) AS revenue_cents
  FROM marketing_spend AS ms
  GROUP BY ms.campaign, ms.channel
)
ORDER BY roas DESC, campaign;
