-- mistake: truncates the elapsed time between timestamps instead of counting calendar days
-- trap: date-window
WITH completed AS (
  SELECT user_id, ordered_at,
    ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at) AS order_number
  FROM orders
  WHERE status = 'completed'
),
gaps AS (
  SELECT u.channel,
    CAST(julianday(b.ordered_at) - julianday(a.ordered_at) AS INTEGER) AS gap_days
  FROM completed a
  JOIN completed b ON b.user_id = a.user_id AND b.order_number = 2
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
