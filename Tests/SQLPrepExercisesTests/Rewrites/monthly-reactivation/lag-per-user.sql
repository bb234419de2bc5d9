-- rewrite: the previous active month per user with LAG, and churn as "active last month, not this month" via EXCEPT
WITH am AS (
  SELECT DISTINCT user_id, strftime('%Y-%m', started_at) AS month FROM sessions WHERE user_id IS NOT NULL
),
with_prev AS (
  SELECT am.user_id, am.month, LAG(am.month) OVER (PARTITION BY am.user_id ORDER BY am.month) AS prev_month,
    strftime('%Y-%m', u.signup_at) AS signup_month
  FROM am JOIN users u USING (user_id)
),
churn AS (
  SELECT month, COUNT(*) AS churned FROM (
    SELECT user_id, strftime('%Y-%m', month || '-01', '+1 month') AS month FROM am
    EXCEPT
    SELECT user_id, month FROM am
  ) GROUP BY month
)
SELECT w.month,
  COUNT(*) AS active_users,
  SUM(w.signup_month = w.month) AS new_users,
  SUM(w.prev_month = strftime('%Y-%m', w.month || '-01', '-1 month')) AS retained_users,
  SUM(w.signup_month < w.month AND (w.prev_month IS NULL OR w.prev_month < strftime('%Y-%m', w.month || '-01', '-1 month'))) AS reactivated_users,
  COALESCE(MAX(c.churned), 0) AS churned_users
FROM with_prev w LEFT JOIN churn c ON c.month = w.month
WHERE w.month >= '2025-01' AND w.month <= '2025-06'
GROUP BY w.month
ORDER BY w.month;
