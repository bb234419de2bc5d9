-- mistake: shows a CAC of 0 for channels that acquired nobody, as if their users were free
-- trap: nulls
WITH q1_spend AS (
  SELECT channel, SUM(spend_cents) AS spend_cents
  FROM marketing_spend
  WHERE spend_date BETWEEN '2025-01-01' AND '2025-03-31'
  GROUP BY channel
),
q1_signups AS (
  SELECT channel, COUNT(*) AS new_users
  FROM users
  WHERE signup_at >= '2025-01-01' AND signup_at < '2025-04-01'
  GROUP BY channel
)
SELECT sp.channel, ROUND(sp.spend_cents / 100.0, 2) AS spend, COALESCE(su.new_users, 0) AS new_users,
       COALESCE(ROUND(sp.spend_cents / 100.0 / su.new_users, 2), 0) AS cac
FROM q1_spend AS sp
LEFT JOIN q1_signups AS su ON su.channel = sp.channel
ORDER BY sp.channel;
