-- rewrite: IFNULL instead of COALESCE, GROUP BY / ORDER BY ordinal, percent as count * 100.0 / total
SELECT
  IFNULL(country, 'unknown') AS country_code,
  COUNT(*) AS accounts,
  ROUND(COUNT(*) * 100.0 / (SELECT COUNT(*) FROM users), 1) AS pct
FROM users
GROUP BY 1
ORDER BY 2 DESC, 1;
