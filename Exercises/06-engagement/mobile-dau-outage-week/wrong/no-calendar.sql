-- mistake: groups the sessions directly, so the day with no mobile sessions disappears
-- trap: zero-groups
SELECT date(started_at) AS day, COUNT(DISTINCT user_id) AS mobile_dau
FROM sessions
WHERE device = 'mobile'
  AND started_at >= '2025-03-06' AND started_at < '2025-03-13'
GROUP BY date(started_at)
ORDER BY day;
