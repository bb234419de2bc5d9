-- rewrite: LEAD gives each completed order the user's next one; the first row per user carries both
WITH completed AS (
  SELECT user_id, ordered_at, coupon_code,
         ROW_NUMBER() OVER w AS nth,
         LEAD(ordered_at) OVER w AS next_at
  FROM orders
  WHERE status = 'completed'
  WINDOW w AS (PARTITION BY user_id ORDER BY ordered_at)
)
SELECT CASE coupon_code WHEN 'WELCOME10' THEN 'yes' ELSE 'no' END AS g,
       COUNT(*),
       COUNT(CASE WHEN julianday(next_at) - julianday(ordered_at) <= 90 THEN 1 END),
       ROUND(COUNT(CASE WHEN julianday(next_at) - julianday(ordered_at) <= 90 THEN 1 END) * 100.0 / COUNT(*), 1)
FROM completed
WHERE nth = 1 AND ordered_at < '2025-01-01'
GROUP BY g
ORDER BY g;
