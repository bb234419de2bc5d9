-- rewrite: earliest longest streak picked with FIRST_VALUE() over a per-user window, streak length as TOTAL(1) (a real)
WITH active AS (
  SELECT DISTINCT user_id, date(started_at) AS day
  FROM sessions
  WHERE user_id IS NOT NULL
),
islands AS (
  SELECT user_id, day,
         CAST(julianday(day) AS INTEGER) - ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day) AS grp
  FROM active
),
streaks AS (
  SELECT user_id, MIN(day) AS start_day, TOTAL(1) AS len
  FROM islands
  GROUP BY user_id, grp
),
per_user AS (
  SELECT DISTINCT user_id,
         FIRST_VALUE(len) OVER w AS longest,
         FIRST_VALUE(start_day) OVER w AS start_day
  FROM streaks
  WINDOW w AS (PARTITION BY user_id ORDER BY len DESC, start_day
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
ranked AS (
  SELECT RANK() OVER (ORDER BY longest DESC) AS streak_rank, user_id, longest, start_day
  FROM per_user
)
SELECT streak_rank, user_id, longest, start_day
FROM ranked
WHERE streak_rank <= 10
ORDER BY streak_rank, user_id;
