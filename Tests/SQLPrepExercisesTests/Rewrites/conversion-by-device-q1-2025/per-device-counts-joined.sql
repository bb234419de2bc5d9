-- rewrite: denominator and numerator counted in two grouped subqueries and joined on device; numerator from orders side; more decimals
SELECT
  d.device,
  d.n,
  IFNULL(c.x, 0),
  ROUND(IFNULL(c.x, 0) * 1.0 / d.n, 6)
FROM (
  SELECT device, COUNT(*) AS n FROM sessions
  WHERE started_at >= '2025-01-01' AND started_at < '2025-04-01'
  GROUP BY device
) AS d
LEFT JOIN (
  SELECT s.device, COUNT(DISTINCT s.session_id) AS x
  FROM orders AS o
  JOIN sessions AS s ON s.session_id = o.session_id
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-04-01'
  GROUP BY s.device
) AS c ON c.device = d.device
ORDER BY d.device;
