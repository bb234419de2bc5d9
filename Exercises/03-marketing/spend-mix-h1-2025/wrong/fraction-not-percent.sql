-- mistake: the share as a fraction from 0 to 1 where a percentage is asked for
-- trap: percent-vs-fraction
SELECT channel, ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       ROUND(1.0 * SUM(spend_cents) / SUM(SUM(spend_cents)) OVER (), 3) AS share_pct
FROM marketing_spend
WHERE spend_date >= '2025-01-01' AND spend_date <= '2025-06-30'
GROUP BY channel
ORDER BY spend DESC, channel;
