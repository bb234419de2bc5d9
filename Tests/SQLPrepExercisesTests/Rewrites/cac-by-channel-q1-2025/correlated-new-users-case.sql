-- rewrite: new users from a correlated subquery on date(signup_at) BETWEEN, CASE WHEN for the NULL CAC
SELECT
  channel,
  ROUND(spend_cents / 100.0, 2) AS q1_spend,
  new_users,
  CASE WHEN new_users = 0 THEN NULL ELSE ROUND(spend_cents / 100.0 / new_users, 2) END AS q1_cac
FROM (
  SELECT
    m.channel,
    SUM(m.spend_cents) AS spend_cents,
    (SELECT COUNT(*) FROM users AS u
      WHERE u.channel = m.channel
        AND date(u.signup_at) BETWEEN '2025-01-01' AND '2025-03-31') AS new_users
  FROM marketing_spend AS m
  WHERE m.spend_date >= '2025-01-01' AND m.spend_date < '2025-04-01'
  GROUP BY m.channel
)
ORDER BY channel;
