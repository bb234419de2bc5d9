-- mistake: spend_date < '2025-06-30' leaves out the last day of the half year
-- trap: date-window
SELECT channel, ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       ROUND(100.0 * SUM(spend_cents) / SUM(SUM(spend_cents)) OVER (), 1) AS share_pct
FROM marketing_spend
WHERE spend_date >= '2025-01-01' AND spend_date < '2025-06-30'
GROUP BY channel
ORDER BY spend DESC, channel;
