-- rewrite: active and cancelled memberships counted in separate CTEs, joined USING (plan), members = active + cancelled
WITH active AS (
  SELECT plan, COUNT(*) AS a FROM memberships WHERE cancelled_at IS NULL GROUP BY plan
),
gone AS (
  SELECT plan, COUNT(*) AS c FROM memberships WHERE cancelled_at IS NOT NULL GROUP BY plan
),
plans AS (
  SELECT DISTINCT plan FROM memberships
)
SELECT
  plan,
  IFNULL(a, 0) + IFNULL(c, 0) AS members,
  IFNULL(a, 0) AS active_members,
  IFNULL(c, 0) AS cancelled_members,
  ROUND(IFNULL(c, 0) * 100.0 / (IFNULL(a, 0) + IFNULL(c, 0)), 1) AS churn_pct
FROM plans
LEFT JOIN active USING (plan)
LEFT JOIN gone USING (plan)
ORDER BY plan;
