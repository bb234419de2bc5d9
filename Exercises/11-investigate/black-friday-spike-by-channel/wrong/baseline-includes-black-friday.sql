-- mistake: averages all five Fridays, Black Friday included, as the baseline
WITH f AS (
  SELECT s.channel, date(o.ordered_at) AS day FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE o.status = 'completed' AND date(o.ordered_at) IN ('2024-11-01', '2024-11-08', '2024-11-15', '2024-11-22', '2024-11-29')
)
SELECT channel, SUM(day = '2024-11-29') AS black_friday_orders,
       ROUND(COUNT(*) / 5.0, 2) AS baseline_orders,
       ROUND(SUM(day = '2024-11-29') - COUNT(*) / 5.0, 2) AS extra_orders
FROM f
GROUP BY channel
ORDER BY extra_orders DESC, channel;
