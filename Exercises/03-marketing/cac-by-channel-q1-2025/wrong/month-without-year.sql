-- mistake: filters on the month only, so January to March 2024 is counted too
-- trap: date-window
WITH q1_spend AS (
  SELECT channel, SUM(spend_cents) AS spend_cents
  FROM marketing_spend
  WHERE strftime('%m', spend_date) IN ('01', '02', '03')
  GROUP BY channel
),
q1_signups AS (
  SELECT channel, COUNT(*) AS new_users
  FROM users
  WHERE strftime('%m', signup_at) IN ('01', '02', '03')
  GROUP BY channel
)
SELECT sp.channel, ROUND(sp.spend_cents / 100.0, 2) AS spend, COALESCE(su.new_users, 0) AS new_users,
       ROUND(sp.spend_cents / 100.0 / su.new_users, 2) AS cac
FROM q1_spend AS sp
LEFT JOIN q1_signups AS su ON su.channel = sp.channel
ORDER BY sp.channel;
