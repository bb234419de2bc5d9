-- mistake: compares with = NULL / <> NULL, which is never true, so nothing counts as active or cancelled
-- trap: nulls
SELECT
  plan,
  COUNT(*) AS members,
  SUM(CASE WHEN cancelled_at = NULL THEN 1 ELSE 0 END) AS active_members,
  SUM(CASE WHEN cancelled_at <> NULL THEN 1 ELSE 0 END) AS cancelled_members,
  ROUND(100.0 * SUM(CASE WHEN cancelled_at <> NULL THEN 1 ELSE 0 END) / COUNT(*), 1) AS churn_pct
FROM memberships
GROUP BY plan
ORDER BY plan;
