-- mistake: integer division truncates churn to 0
-- trap: integer-division
SELECT
  plan,
  COUNT(*) AS members,
  SUM(cancelled_at IS NULL) AS active_members,
  COUNT(cancelled_at) AS cancelled_members,
  ROUND(100 * (COUNT(cancelled_at) / COUNT(*)), 1) AS churn_pct
FROM memberships
GROUP BY plan
ORDER BY plan;
