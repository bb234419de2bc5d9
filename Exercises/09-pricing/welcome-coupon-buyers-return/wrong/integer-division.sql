-- mistake: integer division truncates the share to a whole percent
-- trap: integer-division
WITH completed AS (
  SELECT user_id, ordered_at, coupon_code, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS nth
  FROM orders WHERE status = 'completed'
),
firsts AS (SELECT user_id, ordered_at AS first_at, CASE WHEN coupon_code = 'WELCOME10' THEN 'yes' ELSE 'no' END AS welcome_coupon
           FROM completed WHERE nth = 1 AND ordered_at < '2025-01-01'),
seconds AS (SELECT user_id, ordered_at AS second_at FROM completed WHERE nth = 2)
SELECT f.welcome_coupon, COUNT(*) AS buyers,
       SUM(s.second_at IS NOT NULL AND julianday(s.second_at) - julianday(f.first_at) <= 90) AS returned_90d,
       100 * SUM(s.second_at IS NOT NULL AND julianday(s.second_at) - julianday(f.first_at) <= 90) / COUNT(*) AS return_pct
FROM firsts AS f LEFT JOIN seconds AS s ON s.user_id = f.user_id
GROUP BY f.welcome_coupon
ORDER BY f.welcome_coupon;
