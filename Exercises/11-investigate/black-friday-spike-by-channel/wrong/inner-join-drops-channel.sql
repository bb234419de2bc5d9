-- mistake: counts Black Friday and the baseline in separate queries joined with an inner join, dropping a channel with no Black Friday order
WITH f AS (
  SELECT s.channel, date(o.ordered_at) AS day FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE o.status = 'completed' AND date(o.ordered_at) IN ('2024-11-01', '2024-11-08', '2024-11-15', '2024-11-22', '2024-11-29')
),
bf AS (SELECT channel, COUNT(*) AS n FROM f WHERE day = '2024-11-29' GROUP BY channel),
base AS (SELECT channel, COUNT(*) / 4.0 AS n FROM f WHERE day <> '2024-11-29' GROUP BY channel)
SELECT bf.channel, bf.n AS black_friday_orders, ROUND(base.n, 2) AS baseline_orders, ROUND(bf.n - base.n, 2) AS extra_orders
FROM bf JOIN base ON base.channel = bf.channel
ORDER BY extra_orders DESC, bf.channel;
