-- rewrite: seconds from unixepoch() differences divided by 60.0; TOTAL / COUNT instead of AVG; unrounded
SELECT device, COUNT(*),
       TOTAL(unixepoch(ended_at) - unixepoch(started_at)) / 60.0 / COUNT(*),
       TOTAL(page_views) / COUNT(*)
FROM sessions
WHERE date(started_at) BETWEEN '2025-04-01' AND '2025-06-30'
GROUP BY device
ORDER BY device;
