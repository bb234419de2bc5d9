-- rewrite: the total from a scalar subquery, BETWEEN on the dates, CAST AS REAL; unrounded
SELECT channel, CAST(SUM(spend_cents) AS REAL) / 100 AS dollars,
       CAST(SUM(spend_cents) AS REAL) * 100 / (SELECT SUM(spend_cents) FROM marketing_spend
                                                 WHERE spend_date BETWEEN '2025-01-01' AND '2025-06-30')
FROM marketing_spend
WHERE spend_date BETWEEN '2025-01-01' AND '2025-06-30'
GROUP BY channel
ORDER BY dollars DESC, channel;
