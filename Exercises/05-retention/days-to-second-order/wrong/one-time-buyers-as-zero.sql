-- mistake: keeps buyers with a single order as a gap of 0 days (LEFT JOIN and COALESCE), which drags the average and the median down
WITH completed AS (
  SELECT user_id, ordered_at,
    ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at) AS order_number
  FROM orders
  WHERE status = 'completed'
),
gaps AS (
  SELECT u.channel,
    COALESCE(julianday(date(second.ordered_at)) - julianday(date(first.ordered_at)), 0) AS gap_days
  FROM completed AS first
  LEFT JOIN completed AS second
    ON second.user_id = first.user_id AND second.order_number = 2
  JOIN users AS u ON u.user_id = first.user_id
  WHERE first.order_number = 1
),
ranked AS (
  SELECT channel, gap_days,
    ROW_NUMBER() OVER (PARTITION BY channel ORDER BY gap_days) AS position,
    COUNT(*) OVER (PARTITION BY channel) AS n
  FROM gaps
)
SELECT
  channel,
  COUNT(*) AS repeat_buyers,
  ROUND(AVG(gap_days), 1) AS avg_days,
  ROUND(AVG(CASE WHEN position IN ((n + 1) / 2, (n + 2) / 2) THEN gap_days END), 1) AS median_days
FROM ranked
GROUP BY channel
ORDER BY channel;
