-- mistake: numbers all orders, so a cancelled or refunded order can count as the first or second
-- trap: order-status
WITH numbered AS (
  SELECT user_id, ordered_at,
    ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at) AS order_number
  FROM orders
),
gaps AS (
  SELECT u.channel,
    julianday(date(b.ordered_at)) - julianday(date(a.ordered_at)) AS gap_days
  FROM numbered a
  JOIN numbered b ON b.user_id = a.user_id AND b.order_number = 2
  JOIN users u ON u.user_id = a.user_id
  WHERE a.order_number = 1
),
ranked AS (
  SELECT channel, gap_days,
    ROW_NUMBER() OVER (PARTITION BY channel ORDER BY gap_days) AS position,
    COUNT(*) OVER (PARTITION BY channel) AS n
  FROM gaps
)
SELECT channel, COUNT(*) AS repeat_buyers, ROUND(AVG(gap_days), 1) AS avg_days,
  ROUND(AVG(CASE WHEN position IN ((n + 1) / 2, (n + 2) / 2) THEN gap_days END), 1) AS median_days
FROM ranked
GROUP BY channel
ORDER BY channel;
