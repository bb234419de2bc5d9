-- rewrite: the first window LEFT JOINed to the second with COALESCE; dates compared with date(); unrounded
WITH before_w AS (SELECT channel, COUNT(*) AS n FROM sessions
                  WHERE date(started_at) BETWEEN '2024-07-01' AND '2024-07-14' GROUP BY channel),
during_w AS (SELECT channel, COUNT(*) AS n FROM sessions
             WHERE date(started_at) BETWEEN '2024-07-15' AND '2024-07-28' GROUP BY channel)
SELECT b.channel, b.n, COALESCE(d.n, 0), (COALESCE(d.n, 0) - b.n) * 100.0 / b.n
FROM before_w AS b
LEFT JOIN during_w AS d ON d.channel = b.channel
ORDER BY b.channel;
