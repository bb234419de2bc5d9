-- mistake: divides by the users with a known country (COUNT(country) skips NULLs), so the shares add up to more than 100%
-- trap: nulls
SELECT
  COALESCE(country, 'unknown') AS country,
  COUNT(*) AS users,
  ROUND(100.0 * COUNT(*) / (SELECT COUNT(country) FROM users), 1) AS share_pct
FROM users
GROUP BY COALESCE(country, 'unknown')
ORDER BY users DESC, country;
