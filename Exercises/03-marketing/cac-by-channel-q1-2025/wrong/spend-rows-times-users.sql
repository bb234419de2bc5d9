-- mistake: joins spend rows to user rows before aggregating, so each day's spend is added once per new user
SELECT ms.channel,
       ROUND(SUM(ms.spend_cents) / 100.0, 2) AS spend,
       COUNT(DISTINCT u.user_id) AS new_users,
       ROUND(SUM(ms.spend_cents) / 100.0 / COUNT(DISTINCT u.user_id), 2) AS cac
FROM marketing_spend AS ms
LEFT JOIN users AS u
  ON u.channel = ms.channel AND u.signup_at >= '2025-01-01' AND u.signup_at < '2025-04-01'
WHERE ms.spend_date BETWEEN '2025-01-01' AND '2025-03-31'
GROUP BY ms.channel
ORDER BY ms.channel;
