-- rewrite: FILTER clauses for the two states, churn as AVG(cancelled_at IS NOT NULL) * 100 left unrounded, ordinal GROUP/ORDER BY
SELECT
  plan,
  COUNT(*),
  COUNT(*) FILTER (WHERE cancelled_at IS NULL),
  COUNT(*) FILTER (WHERE cancelled_at IS NOT NULL),
  AVG(cancelled_at IS NOT NULL) * 100
FROM memberships
GROUP BY 1
ORDER BY 1;
