-- mistake: no date filter, so 2025 sign-ups are counted too
-- trap: date-window
SELECT channel, COUNT(*) AS signups
FROM users
GROUP BY channel
ORDER BY signups DESC, channel;
