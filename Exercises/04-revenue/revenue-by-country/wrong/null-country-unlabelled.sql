-- mistake: groups by country as it is, so customers without a country appear under NULL instead of 'unknown'
-- trap: nulls
SELECT u.country AS country, COUNT(DISTINCT o.user_id) AS buyers, COUNT(*) AS orders,
       ROUND(SUM(o.total_cents) / 100.0, 2) AS revenue,
       ROUND(SUM(o.total_cents) / 100.0 / COUNT(DISTINCT o.user_id), 2) AS revenue_per_buyer
FROM orders AS o JOIN users AS u ON u.user_id = o.user_id
WHERE o.status = 'completed'
GROUP BY u.country
ORDER BY revenue DESC, country;
