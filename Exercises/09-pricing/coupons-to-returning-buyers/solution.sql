WITH numbered AS (
  SELECT
    COALESCE(coupon_code, 'none') AS coupon,
    ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS nth_completed
  FROM orders
  WHERE status = 'completed'
)
SELECT
  coupon,
  COUNT(*) AS orders,
  SUM(nth_completed > 1) AS returning_orders,
  ROUND(100.0 * SUM(nth_completed > 1) / COUNT(*), 1) AS returning_pct
FROM numbered
GROUP BY coupon
ORDER BY coupon;
