-- rewrite: share from a window SUM over the grouped counts, left unrounded; GROUP BY and ORDER BY by ordinal
SELECT
  status,
  COUNT(*),
  COUNT(*) * 100.0 / SUM(COUNT(*)) OVER ()
FROM orders
GROUP BY 1
ORDER BY 2 DESC, 1;
