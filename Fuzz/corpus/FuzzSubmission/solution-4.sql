SELECT
  COALESCE(country, 'unknown') AS country,
  COUNT(*) AS users,
  ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM users), 1) AS share_pct
FROM users
GROUP BY COALESCE(country, 'unknown')
ORDER BY users DESC, country;
