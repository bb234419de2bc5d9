-- rewrite: CASE instead of COALESCE, the share from a window over the grouped counts, unrounded fraction × 100
SELECT
  CASE WHEN coupon_code IS NULL THEN 'none' ELSE coupon_code END AS coupon,
  COUNT(*) AS n,
  COUNT(*) * 100.0 / SUM(COUNT(*)) OVER () AS pct
FROM orders
WHERE status = 'completed'
GROUP BY 1
ORDER BY n DESC, coupon;
