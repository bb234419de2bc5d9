-- mistake: joins daily signups per channel to spend rows, which are per campaign and day, so a channel with two campaigns counts each new user twice
-- trap: fan-out
WITH daily_signups AS (
  SELECT channel, date(signup_at) AS day, COUNT(*) AS new_users
  FROM users
  WHERE signup_at >= '2025-01-01' AND signup_at < '2025-04-01'
  GROUP BY channel, date(signup_at)
)
SELECT ms.channel,
       ROUND(SUM(ms.spend_cents) / 100.0, 2) AS spend,
       COALESCE(SUM(d.new_users), 0) AS new_users,
       ROUND(SUM(ms.spend_cents) / 100.0 / SUM(d.new_users), 2) AS cac
FROM marketing_spend AS ms
LEFT JOIN daily_signups AS d ON d.channel = ms.channel AND d.day = ms.spend_date
WHERE ms.spend_date BETWEEN '2025-01-01' AND '2025-03-31'
GROUP BY ms.channel
ORDER BY ms.channel;
