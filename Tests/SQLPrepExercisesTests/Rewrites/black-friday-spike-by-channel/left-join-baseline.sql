-- rewrite: the channel list from both periods, LEFT JOINed to each count with COALESCE; ranges instead of date(); unrounded
WITH o AS (
  SELECT s.channel, o.ordered_at
  FROM orders AS o JOIN sessions AS s USING (session_id)
  WHERE o.status = 'completed'
),
bf AS (SELECT channel, COUNT(*) AS n FROM o
       WHERE ordered_at >= '2024-11-29' AND ordered_at < '2024-11-30' GROUP BY channel),
base AS (SELECT channel, COUNT(*) AS n FROM o
         WHERE strftime('%w', ordered_at) = '5' AND ordered_at >= '2024-11-01' AND ordered_at < '2024-11-29'
         GROUP BY channel),
channels AS (SELECT channel FROM bf UNION SELECT channel FROM base)
SELECT c.channel, COALESCE(bf.n, 0), COALESCE(base.n, 0) / 4.0 AS b,
       COALESCE(bf.n, 0) - COALESCE(base.n, 0) / 4.0 AS extra
FROM channels AS c
LEFT JOIN bf ON bf.channel = c.channel
LEFT JOIN base ON base.channel = c.channel
ORDER BY extra DESC, c.channel;
