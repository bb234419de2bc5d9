-- rewrite: island key as date(day, '-N days') with N the row number (text date instead of julianday); first-of-longest picked with MIN after MAX
WITH active AS (
  SELECT user_id, substr(started_at, 1, 10) AS day
  FROM sessions
  WHERE user_id IS NOT NULL
  GROUP BY user_id, substr(started_at, 1, 10)
),
islands AS (
  SELECT user_id, day,
         date(day, '-' || ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day) || ' days') AS island
  FROM active
),
streaks AS (
  SELECT user_id, island, MIN(day) AS start_day, COUNT(*) AS len
  FROM islands
  GROUP BY user_id, island
),
longest AS (
  SELECT user_id, MAX(len) AS longest FROM streaks GROUP BY user_id
),
best AS (
  SELECT l.user_id, l.longest, MIN(s.start_day) AS start_day
  FROM longest AS l
  JOIN streaks AS s ON s.user_id = l.user_id AND s.len = l.longest
  GROUP BY l.user_id, l.longest
)
SELECT * FROM (
  SELECT RANK() OVER (ORDER BY longest DESC) AS r, user_id, longest, start_day
  FROM best
)
WHERE r <= 10
ORDER BY r, user_id;
