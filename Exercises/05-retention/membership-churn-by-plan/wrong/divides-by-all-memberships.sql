-- mistake: divides each plan's cancellations by all memberships of both plans, which is a share of the total, not the plan's churn
SELECT
  plan,
  COUNT(*) AS members,
  SUM(cancelled_at IS NULL) AS active_members,
  COUNT(cancelled_at) AS cancelled_members,
  ROUND(100.0 * COUNT(cancelled_at) / (SELECT COUNT(*) FROM memberships), 1) AS churn_pct
FROM memberships
GROUP BY plan
ORDER BY plan;
