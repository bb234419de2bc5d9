-- mistake: integer division by 4 drops the fractional part of the average
-- trap: integer-division
WITH f AS (
  SELECT s.channel, date(o.ordered_at) AS day FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE o.status = 'completed' AND date(o.ordered_at) IN ('2024-11-01', '2024-11-08', '2024-11-15', '2024-11-22', '2024-11-29')
)
SELECT channel, SUM(day = '2024-11-29') AS black_friday_orders,
       SUM(day <> '2024-11-29') / 4 AS baseline_orders,
       SUM(day = '2024-11-29') - SUM(day <> '2024-11-29') / 4 AS extra_orders
FROM f
GROUP BY channel
ORDER BY extra_orders DESC, channel;
