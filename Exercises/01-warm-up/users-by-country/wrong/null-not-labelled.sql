-- mistake: the NULL group is kept but not labelled, so its country shows as NULL instead of 'unknown'
-- trap: nulls
SELECT country, COUNT(*) AS users,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM users), 1) AS share_pct
FROM users
GROUP BY country
ORDER BY users DESC, country;
