-- mistake: COUNT(country) skips NULLs, so the unknown group shows 0 users and the total leaves them out
-- trap: nulls
SELECT COALESCE(country, 'unknown') AS country,
       COUNT(country) AS users,
       ROUND(100.0 * COUNT(country) / (SELECT COUNT(country) FROM users), 1) AS share_pct
FROM users
GROUP BY country
ORDER BY users DESC, country;
