-- rewrite: each active user classified with EXISTS on the month before; churned counted from the month before
WITH am AS (
  SELECT DISTINCT user_id, strftime('%Y-%m', started_at) AS month FROM sessions WHERE user_id IS NOT NULL
),
months(month) AS (VALUES ('2025-01'), ('2025-02'), ('2025-03'), ('2025-04'), ('2025-05'), ('2025-06'))
SELECT m.month,
  (SELECT COUNT(*) FROM am WHERE am.month = m.month) AS active_users,
  (SELECT COUNT(*) FROM am JOIN users u USING (user_id) WHERE am.month = m.month AND strftime('%Y-%m', u.signup_at) = m.month) AS new_users,
  (SELECT COUNT(*) FROM am WHERE am.month = m.month AND EXISTS (
     SELECT 1 FROM am p WHERE p.user_id = am.user_id AND p.month = strftime('%Y-%m', m.month || '-01', '-1 month'))) AS retained_users,
  (SELECT COUNT(*) FROM am JOIN users u USING (user_id) WHERE am.month = m.month
     AND strftime('%Y-%m', u.signup_at) < m.month AND NOT EXISTS (
     SELECT 1 FROM am p WHERE p.user_id = am.user_id AND p.month = strftime('%Y-%m', m.month || '-01', '-1 month'))) AS reactivated_users,
  (SELECT COUNT(*) FROM am p WHERE p.month = strftime('%Y-%m', m.month || '-01', '-1 month') AND NOT EXISTS (
     SELECT 1 FROM am WHERE am.user_id = p.user_id AND am.month = m.month)) AS churned_users
FROM months m
ORDER BY m.month;
