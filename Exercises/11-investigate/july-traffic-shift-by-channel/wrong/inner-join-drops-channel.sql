-- mistake: counts each window in its own grouped query and inner-joins them, so the channel with no sessions during the pause disappears
-- trap: zero-groups
WITH before_w AS (SELECT channel, COUNT(*) AS n FROM sessions
                  WHERE started_at >= '2024-07-01' AND started_at < '2024-07-15' GROUP BY channel),
during_w AS (SELECT channel, COUNT(*) AS n FROM sessions
             WHERE started_at >= '2024-07-15' AND started_at < '2024-07-29' GROUP BY channel)
SELECT b.channel, b.n AS sessions_before, d.n AS sessions_during, ROUND(100.0 * (d.n - b.n) / b.n, 1) AS change_pct
FROM before_w AS b
JOIN during_w AS d ON d.channel = b.channel
ORDER BY b.channel;
