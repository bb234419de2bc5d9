-- mistake: BETWEEN with a bare end date drops every sign-up on 2024-12-31 after midnight
-- trap: date-window
SELECT channel, COUNT(*) AS signups
FROM users
WHERE signup_at BETWEEN '2024-01-01' AND '2024-12-31'
GROUP BY channel
ORDER BY signups DESC, channel;
