-- mistake: the accounts without a country are filtered out instead of reported as 'unknown'
-- trap: nulls
SELECT country, COUNT(*) AS users,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM users WHERE country IS NOT NULL), 1) AS share_pct
FROM users
WHERE country IS NOT NULL
GROUP BY country
ORDER BY users DESC, country;
