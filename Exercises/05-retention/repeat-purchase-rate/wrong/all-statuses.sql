-- mistake: counts cancelled and refunded orders as purchases
-- trap: order-status
WITH orders_per_user AS (
  SELECT user_id, COUNT(*) AS n
  FROM orders
  GROUP BY user_id
)
SELECT COUNT(*) AS buyers,
       SUM(n >= 2) AS repeat_buyers,
       ROUND(100.0 * SUM(n >= 2) / COUNT(*), 1) AS repeat_rate_pct
FROM orders_per_user;
