-- mistake: integer division drops the cents of revenue and of revenue per buyer
-- trap: integer-division
SELECT COALESCE(u.country, 'unknown') AS country, COUNT(DISTINCT o.user_id) AS buyers, COUNT(*) AS orders,
       SUM(o.total_cents) / 100 AS revenue,
       SUM(o.total_cents) / COUNT(DISTINCT o.user_id) / 100 AS revenue_per_buyer
FROM orders AS o JOIN users AS u ON u.user_id = o.user_id
WHERE o.status = 'completed'
GROUP BY COALESCE(u.country, 'unknown')
ORDER BY revenue DESC, country;
