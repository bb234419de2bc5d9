-- rewrite: aggregated spend LEFT JOINed to the users table itself with the date window in ON; COUNT(user_id) and NULLIF
SELECT
  sp.channel,
  ROUND(sp.cents / 100.0, 2),
  COUNT(u.user_id),
  ROUND(sp.cents / 100.0 / NULLIF(COUNT(u.user_id), 0), 2)
FROM (
  SELECT channel, SUM(spend_cents) AS cents
  FROM marketing_spend
  WHERE spend_date BETWEEN '2025-01-01' AND '2025-03-31'
  GROUP BY channel
) AS sp
LEFT JOIN users AS u
  ON u.channel = sp.channel
 AND u.signup_at >= '2025-01-01 00:00:00'
 AND u.signup_at <= '2025-03-31 23:59:59'
GROUP BY sp.channel, sp.cents
ORDER BY 1;
