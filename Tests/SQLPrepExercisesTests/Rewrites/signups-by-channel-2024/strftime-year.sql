-- rewrite: the year taken with strftime instead of a timestamp range
SELECT channel, COUNT(*) AS n
FROM users
WHERE strftime('%Y', signup_at) = '2024'
GROUP BY channel
ORDER BY n DESC, channel;
