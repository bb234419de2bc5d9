-- mistake: includes cancelled and refunded orders in buyers, orders and revenue
-- trap: order-status
SELECT COALESCE(u.country, 'unknown') AS country, COUNT(DISTINCT o.user_id) AS buyers, COUNT(*) AS orders,
       ROUND(SUM(o.total_cents) / 100.0, 2) AS revenue,
       ROUND(SUM(o.total_cents) / 100.0 / COUNT(DISTINCT o.user_id), 2) AS revenue_per_buyer
FROM orders AS o JOIN users AS u ON u.user_id = o.user_id
GROUP BY COALESCE(u.country, 'unknown')
ORDER BY revenue DESC, country;
