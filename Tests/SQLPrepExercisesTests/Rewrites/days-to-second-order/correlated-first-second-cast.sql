-- rewrite: first and second completed order found with correlated ORDER BY ... LIMIT 1 OFFSET n; gap as an integer day count via CAST
WITH buyers AS (
  SELECT user_id
  FROM orders
  WHERE status = 'completed'
  GROUP BY user_id
  HAVING COUNT(*) >= 2
),
firsts AS (
  SELECT b.user_id,
    (SELECT ordered_at FROM orders AS o WHERE o.user_id = b.user_id AND o.status = 'completed'
      ORDER BY ordered_at LIMIT 1) AS first_at,
    (SELECT ordered_at FROM orders AS o WHERE o.user_id = b.user_id AND o.status = 'completed'
      ORDER BY ordered_at LIMIT 1 OFFSET 1) AS second_at
  FROM buyers AS b
),
gaps AS (
  SELECT u.channel,
         CAST(julianday(substr(f.second_at, 1, 10)) - julianday(substr(f.first_at, 1, 10)) AS INTEGER) AS gap
  FROM firsts AS f
  JOIN users AS u ON u.user_id = f.user_id
),
ordered_gaps AS (
  SELECT channel, gap,
         ROW_NUMBER() OVER (PARTITION BY channel ORDER BY gap) AS rn,
         COUNT(*) OVER (PARTITION BY channel) AS cnt
  FROM gaps
)
SELECT
  channel,
  cnt,
  ROUND(AVG(gap * 1.0), 1),
  ROUND(AVG(CASE WHEN rn IN ((cnt + 1) / 2, cnt / 2 + 1) THEN gap * 1.0 END), 1)
FROM ordered_gaps
GROUP BY channel, cnt
ORDER BY channel;
