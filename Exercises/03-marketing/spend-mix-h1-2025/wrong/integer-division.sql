-- mistake: integer division truncates every share to a whole percent
-- trap: integer-division
SELECT channel, ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       100 * SUM(spend_cents) / SUM(SUM(spend_cents)) OVER () AS share_pct
FROM marketing_spend
WHERE spend_date >= '2025-01-01' AND spend_date <= '2025-06-30'
GROUP BY channel
ORDER BY spend DESC, channel;
