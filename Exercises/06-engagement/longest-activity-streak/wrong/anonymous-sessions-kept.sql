-- mistake: keeps anonymous sessions, so the NULL user_id becomes one "user" with a streak spanning the whole history
-- trap: nulls
WITH active_days AS (
  SELECT DISTINCT user_id, date(started_at) AS day
  FROM sessions
),
islands AS (
  -- consecutive days share the same (day number - row number)
  SELECT user_id, day,
    julianday(day) - ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day) AS island
  FROM active_days
),
streaks AS (
  SELECT user_id, MIN(day) AS streak_start, COUNT(*) AS streak_days
  FROM islands
  GROUP BY user_id, island
),
best_per_user AS (
  -- a user's longest streak; if several are equally long, the earliest one
  SELECT user_id, streak_days AS longest_streak, streak_start,
    ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY streak_days DESC, streak_start) AS pick
  FROM streaks
),
ranked AS (
  SELECT user_id, longest_streak, streak_start,
    RANK() OVER (ORDER BY longest_streak DESC) AS streak_rank
  FROM best_per_user
  WHERE pick = 1
)
SELECT streak_rank, user_id, longest_streak, streak_start
FROM ranked
WHERE streak_rank <= 10
ORDER BY streak_rank, user_id;
