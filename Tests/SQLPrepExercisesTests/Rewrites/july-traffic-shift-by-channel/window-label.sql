-- rewrite: each session labelled with its window by CASE, then FILTER counts; change as (ratio − 1) × 100
WITH labelled AS (
  SELECT channel,
         CASE WHEN started_at < '2024-07-15' THEN 'before' ELSE 'during' END AS w
  FROM sessions
  WHERE started_at BETWEEN '2024-07-01' AND '2024-07-28 23:59:59'
)
SELECT channel,
       COUNT(*) FILTER (WHERE w = 'before') AS b,
       COUNT(*) FILTER (WHERE w = 'during') AS d,
       ROUND((COUNT(*) FILTER (WHERE w = 'during') * 1.0 / COUNT(*) FILTER (WHERE w = 'before') - 1) * 100, 1)
FROM labelled
GROUP BY channel
ORDER BY channel;
