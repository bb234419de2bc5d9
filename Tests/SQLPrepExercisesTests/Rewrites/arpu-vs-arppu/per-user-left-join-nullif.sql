-- rewrite: per-user revenue from users LEFT JOIN orders (status in ON), paying = has a completed order; NULLIF on the ARPPU denominator
WITH per_user AS (
  SELECT
    u.user_id,
    u.channel,
    COUNT(o.order_id) AS completed_orders,
    COALESCE(SUM(o.total_cents), 0) AS cents
  FROM users AS u
  LEFT JOIN orders AS o ON o.user_id = u.user_id AND o.status = 'completed'
  GROUP BY u.user_id, u.channel
)
SELECT
  channel,
  COUNT(*) AS all_users,
  SUM(completed_orders > 0) AS payers,
  ROUND(AVG(cents) / 100.0, 2) AS arpu,
  ROUND(SUM(cents) / 100.0 / NULLIF(SUM(completed_orders > 0), 0), 2) AS arppu
FROM per_user
GROUP BY channel
ORDER BY channel;
