-- mistake: DENSE_RANK does not skip ranks after ties, so "rank 10 or better" reaches far down the list
-- trap: ties
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
  SELECT user_id, streak_days AS longest_streak, streak_start,
    ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY streak_days DESC, streak_start) AS pick
  FROM streaks
),
ranked AS (
  SELECT user_id, longest_streak, streak_start,
    DENSE_RANK() OVER (ORDER BY longest_streak DESC) AS streak_rank
  FROM best_per_user WHERE pick = 1
)
SELECT streak_rank, user_id, longest_streak, streak_start
FROM ranked
WHERE streak_rank <= 10
ORDER BY streak_rank, user_id;
