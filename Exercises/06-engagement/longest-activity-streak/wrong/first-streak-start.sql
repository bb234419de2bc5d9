-- mistake: reports the start of the user's first streak, not the start of their longest streak
WITH active_days AS (
  SELECT DISTINCT user_id, date(started_at) AS day
  FROM sessions WHERE user_id IS NOT NULL
),
islands AS (
  SELECT user_id, day,
    julianday(day) - ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day) AS island
  FROM active_days
),
streaks AS (
  SELECT user_id, MIN(day) AS streak_start, COUNT(*) AS streak_days
  FROM islands GROUP BY user_id, island
),
best_per_user AS (
  SELECT user_id, MAX(streak_days) AS longest_streak, MIN(streak_start) AS streak_start
  FROM streaks GROUP BY user_id
),
ranked AS (
  SELECT user_id, longest_streak, streak_start,
    RANK() OVER (ORDER BY longest_streak DESC) AS streak_rank
  FROM best_per_user
)
SELECT streak_rank, user_id, longest_streak, streak_start
FROM ranked
WHERE streak_rank <= 10
ORDER BY streak_rank, user_id;
