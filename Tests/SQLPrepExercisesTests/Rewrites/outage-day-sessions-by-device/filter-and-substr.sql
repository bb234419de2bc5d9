-- rewrite: COUNT(*) FILTER per day, the day as substr(started_at, 1, 10), change as (ratio − 1) × 100
WITH counts AS (
  SELECT device,
         COUNT(*) FILTER (WHERE substr(started_at, 1, 10) = '2025-03-02') AS b,
         COUNT(*) FILTER (WHERE substr(started_at, 1, 10) = '2025-03-09') AS d
  FROM sessions
  GROUP BY device
)
SELECT device, b, d, ROUND((CAST(d AS REAL) / b - 1) * 100, 1)
FROM counts
ORDER BY device;
