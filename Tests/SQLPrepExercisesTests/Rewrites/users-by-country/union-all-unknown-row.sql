-- rewrite: known countries and the unknown group built separately and glued with UNION ALL; CAST AS REAL share
WITH groups AS (
  SELECT country AS grp, COUNT(*) AS cnt
  FROM users
  WHERE country IS NOT NULL
  GROUP BY country
  UNION ALL
  SELECT 'unknown', COUNT(*)
  FROM users
  WHERE country IS NULL
)
SELECT
  grp,
  cnt,
  ROUND(CAST(cnt AS REAL) / (SELECT SUM(cnt) FROM groups) * 100, 1) AS share
FROM groups
ORDER BY cnt DESC, grp;
