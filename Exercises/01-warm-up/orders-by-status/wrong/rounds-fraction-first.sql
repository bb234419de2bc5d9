-- mistake: rounds the fraction to one decimal before turning it into a percent, so every share snaps to a multiple of 10
SELECT
  status,
  COUNT(*) AS orders,
  ROUND(1.0 * COUNT(*) / (SELECT COUNT(*) FROM orders), 1) * 100 AS share_pct
FROM orders
GROUP BY status
ORDER BY orders DESC, status;
