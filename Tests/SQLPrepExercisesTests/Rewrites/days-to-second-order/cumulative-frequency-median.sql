-- rewrite: median from a frequency table of gap values with running counts (no row numbering of users); JOIN ... USING
WITH numbered AS (
  SELECT user_id, date(ordered_at) AS d,
         ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at) AS k
  FROM orders
  WHERE status = 'completed'
),
gaps AS (
  SELECT users.channel,
         julianday(second_order.d) - julianday(first_order.d) AS gap
  FROM numbered AS first_order
  JOIN numbered AS second_order USING (user_id)
  JOIN users USING (user_id)
  WHERE first_order.k = 1 AND second_order.k = 2
),
freq AS (
  SELECT channel, gap, COUNT(*) AS c
  FROM gaps
  GROUP BY channel, gap
),
cum AS (
  SELECT channel, gap,
         SUM(c) OVER (PARTITION BY channel ORDER BY gap) AS upto,
         SUM(c) OVER (PARTITION BY channel) AS n
  FROM freq
),
middle AS (
  -- the gap value holding position (n+1)/2 and the one holding position n/2+1 (the same one when n is odd)
  SELECT channel,
         MIN(CASE WHEN upto >= (n + 1) / 2 THEN gap END) AS low_mid,
         MIN(CASE WHEN upto >= n / 2 + 1 THEN gap END) AS high_mid
  FROM cum
  GROUP BY channel
)
SELECT
  g.channel,
  COUNT(*) AS buyers_with_two,
  ROUND(AVG(g.gap), 1) AS mean_gap,
  ROUND((m.low_mid + m.high_mid) / 2.0, 1) AS median_gap
FROM gaps AS g
JOIN middle AS m USING (channel)
GROUP BY g.channel, m.low_mid, m.high_mid
ORDER BY g.channel;
