-- rewrite: active and cancelled counted with SUM(CASE ...), CAST AS REAL division, other column names
SELECT
  plan AS membership_plan,
  COUNT(*) AS total_memberships,
  SUM(CASE WHEN cancelled_at IS NULL THEN 1 ELSE 0 END) AS still_active,
  SUM(CASE WHEN cancelled_at IS NOT NULL THEN 1 ELSE 0 END) AS cancelled,
  ROUND(CAST(SUM(CASE WHEN cancelled_at IS NOT NULL THEN 1 ELSE 0 END) AS REAL) / COUNT(*) * 100, 1) AS churn
FROM memberships
GROUP BY plan
ORDER BY membership_plan;
