-- mistake: filters sessions to 2025 first, so January cannot see December 2024 activity
-- trap: date-window
WITH active_months AS (
  SELECT DISTINCT user_id, strftime('%Y-%m', started_at) AS month
  FROM sessions
  WHERE user_id IS NOT NULL AND started_at >= '2025-01-01'
),
this_month AS (
  SELECT a.month, COUNT(*) AS active_users,
    SUM(strftime('%Y-%m', u.signup_at) = a.month) AS new_users,
    SUM(prev.user_id IS NOT NULL) AS retained_users,
    SUM(prev.user_id IS NULL AND strftime('%Y-%m', u.signup_at) < a.month) AS reactivated_users
  FROM active_months a
  JOIN users u ON u.user_id = a.user_id
  LEFT JOIN active_months prev
    ON prev.user_id = a.user_id AND prev.month = strftime('%Y-%m', a.month || '-01', '-1 month')
  GROUP BY a.month
),
lost AS (
  SELECT strftime('%Y-%m', prev.month || '-01', '+1 month') AS month, COUNT(*) AS churned_users
  FROM active_months prev
  LEFT JOIN active_months a
    ON a.user_id = prev.user_id AND a.month = strftime('%Y-%m', prev.month || '-01', '+1 month')
  WHERE a.user_id IS NULL
  GROUP BY 1
)
SELECT t.month, t.active_users, t.new_users, t.retained_users, t.reactivated_users,
  COALESCE(l.churned_users, 0) AS churned_users
FROM this_month t LEFT JOIN lost l ON l.month = t.month
ORDER BY t.month;
