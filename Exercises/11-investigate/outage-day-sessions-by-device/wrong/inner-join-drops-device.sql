-- mistake: counts each day in its own grouped query and inner-joins them, so a device with no session on the day disappears
-- trap: zero-groups
WITH before_day AS (SELECT device, COUNT(*) AS n FROM sessions WHERE date(started_at) = '2025-03-02' GROUP BY device),
on_day AS (SELECT device, COUNT(*) AS n FROM sessions WHERE date(started_at) = '2025-03-09' GROUP BY device)
SELECT b.device, b.n AS sessions_before, d.n AS sessions_on_day,
       ROUND(100.0 * (d.n - b.n) / b.n, 1) AS change_pct
FROM before_day AS b
JOIN on_day AS d ON d.device = b.device
ORDER BY b.device;
