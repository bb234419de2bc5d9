-- mistake: integer division truncates every share to 0
-- trap: integer-division
SELECT status, COUNT(*) AS orders,
       ROUND(100 * (COUNT(*) / (SELECT COUNT(*) FROM orders)), 1) AS share_pct
FROM orders
GROUP BY status
ORDER BY orders DESC, status;
