-- rewrite: CASE WHEN ... IS NULL label, window SUM for the total, share left unrounded
SELECT
  CASE WHEN country IS NULL THEN 'unknown' ELSE country END AS c,
  COUNT(*) AS u,
  100.0 * COUNT(*) / SUM(COUNT(*)) OVER () AS share_pct
FROM users
GROUP BY CASE WHEN country IS NULL THEN 'unknown' ELSE country END
ORDER BY u DESC, c;
