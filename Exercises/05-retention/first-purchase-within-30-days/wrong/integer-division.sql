-- mistake: integer division truncates the share to a whole percent
-- trap: integer-division
WITH cohort AS (SELECT user_id, channel, signup_at FROM users WHERE signup_at >= '2024-01-01' AND signup_at < '2024-07-01'),
flagged AS (
  SELECT c.channel, EXISTS (SELECT 1 FROM orders AS o WHERE o.user_id = c.user_id AND o.status = 'completed'
                            AND o.ordered_at < datetime(c.signup_at, '+30 days')) AS bought
  FROM cohort AS c
)
SELECT channel, COUNT(*) AS signups, SUM(bought) AS buyers_30d, 100 * SUM(bought) / COUNT(*) AS buyer_pct
FROM flagged
GROUP BY channel
ORDER BY buyer_pct DESC, channel;
