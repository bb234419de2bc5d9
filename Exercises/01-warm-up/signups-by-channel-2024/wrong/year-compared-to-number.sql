-- mistake: strftime returns text, so comparing it with the number 2024 never matches (no rows)
SELECT channel, COUNT(*) AS signups
FROM users
WHERE strftime('%Y', signup_at) = 2024
GROUP BY channel
ORDER BY signups DESC, channel;
