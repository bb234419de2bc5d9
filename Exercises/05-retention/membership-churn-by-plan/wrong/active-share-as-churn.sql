-- mistake: divides the active members (the NULLs) by the total, which is retention, not churn
SELECT
  plan,
  COUNT(*) AS members,
  SUM(cancelled_at IS NULL) AS active_members,
  COUNT(cancelled_at) AS cancelled_members,
  ROUND(100.0 * SUM(cancelled_at IS NULL) / COUNT(*), 1) AS churn_pct
FROM memberships
GROUP BY plan
ORDER BY plan;
