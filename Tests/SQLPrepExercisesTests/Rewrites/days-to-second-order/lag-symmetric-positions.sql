-- rewrite: gap from LAG() on the second completed order, median as the rows whose position is within 1 of the mirror position; unrounded
WITH seq AS (
  SELECT user_id,
         date(ordered_at) AS d,
         LAG(date(ordered_at)) OVER (PARTITION BY user_id ORDER BY ordered_at) AS prev_d,
         ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at) AS k
  FROM orders
  WHERE status = 'completed'
),
gaps AS (
  SELECT u.channel, julianday(s.d) - julianday(s.prev_d) AS gap
  FROM seq AS s
  JOIN users AS u ON u.user_id = s.user_id
  WHERE s.k = 2
),
pos AS (
  SELECT channel, gap,
         ROW_NUMBER() OVER (PARTITION BY channel ORDER BY gap) AS r,
         COUNT(*) OVER (PARTITION BY channel) AS n
  FROM gaps
)
SELECT
  channel,
  COUNT(*) AS repeat_buyers,
  AVG(gap) AS avg_days,
  AVG(CASE WHEN ABS(2 * r - n - 1) <= 1 THEN gap END) AS median_days
FROM pos
GROUP BY channel
ORDER BY channel;
