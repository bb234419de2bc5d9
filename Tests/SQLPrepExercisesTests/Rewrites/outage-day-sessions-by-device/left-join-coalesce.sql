-- rewrite: a device list LEFT JOINed to each day's counts, COALESCE for the missing day; unrounded
WITH devices AS (SELECT DISTINCT device FROM sessions),
before_day AS (SELECT device, COUNT(*) AS n FROM sessions
               WHERE started_at >= '2025-03-02' AND started_at < '2025-03-03' GROUP BY device),
on_day AS (SELECT device, COUNT(*) AS n FROM sessions
           WHERE started_at >= '2025-03-09' AND started_at < '2025-03-10' GROUP BY device)
SELECT d.device, COALESCE(b.n, 0), COALESCE(o.n, 0),
       (COALESCE(o.n, 0) - COALESCE(b.n, 0)) * 100.0 / b.n
FROM devices AS d
LEFT JOIN before_day AS b ON b.device = d.device
LEFT JOIN on_day AS o ON o.device = d.device
ORDER BY d.device;
