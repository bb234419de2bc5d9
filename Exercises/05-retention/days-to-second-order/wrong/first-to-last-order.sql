-- mistake: measures first to last completed order instead of first to second
WITH spans AS (
  SELECT user_id,
    julianday(date(MAX(ordered_at))) - julianday(date(MIN(ordered_at))) AS gap_days
  FROM orders
  WHERE status = 'completed'
  GROUP BY user_id
  HAVING COUNT(*) >= 2
),
ranked AS (
  SELECT u.channel, s.gap_days,
    ROW_NUMBER() OVER (PARTITION BY u.channel ORDER BY s.gap_days) AS position,
    COUNT(*) OVER (PARTITION BY u.channel) AS n
  FROM spans s JOIN users u ON u.user_id = s.user_id
)
SELECT channel, COUNT(*) AS repeat_buyers, ROUND(AVG(gap_days), 1) AS avg_days,
  ROUND(AVG(CASE WHEN position IN ((n + 1) / 2, (n + 2) / 2) THEN gap_days END), 1) AS median_days
FROM ranked
GROUP BY channel
ORDER BY channel;
