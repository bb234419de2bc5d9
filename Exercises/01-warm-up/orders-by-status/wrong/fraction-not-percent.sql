-- mistake: a fraction (0 to 1) where the contract asks for a percentage (0 to 100)
-- trap: percent-vs-fraction
SELECT status, COUNT(*) AS orders,
       ROUND(1.0 * COUNT(*) / (SELECT COUNT(*) FROM orders), 3) AS share_pct
FROM orders
GROUP BY status
ORDER BY orders DESC, status;
