-- rewrite: quarter written as substr(..., 1, 7) IN ('2025-01', '2025-02', '2025-03'), IIF for the NULL CAC, values left unrounded
WITH spend AS (
  SELECT channel, SUM(spend_cents) / 100.0 AS dollars
  FROM marketing_spend
  WHERE substr(spend_date, 1, 7) IN ('2025-01', '2025-02', '2025-03')
  GROUP BY channel
),
signups AS (
  SELECT channel, COUNT(*) AS n
  FROM users
  WHERE substr(signup_at, 1, 7) IN ('2025-01', '2025-02', '2025-03')
  GROUP BY channel
)
SELECT
  spend.channel,
  spend.dollars,
  IFNULL(signups.n, 0) AS new_users,
  IIF(IFNULL(signups.n, 0) = 0, NULL, spend.dollars / signups.n) AS cac
FROM spend
LEFT JOIN signups ON signups.channel = spend.channel
ORDER BY spend.channel;
