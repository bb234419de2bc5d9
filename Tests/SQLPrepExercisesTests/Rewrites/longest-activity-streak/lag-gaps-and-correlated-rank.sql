-- rewrite: islands from LAG() + running SUM of new-streak flags; rank as 1 + number of users with a strictly longer streak, from a self-joined length histogram (no RANK())
WITH days AS (
  SELECT DISTINCT user_id, date(started_at) AS day
  FROM sessions
  WHERE user_id IS NOT NULL
),
flagged AS (
  SELECT user_id, day,
         CASE WHEN LAG(day) OVER (PARTITION BY user_id ORDER BY day) = date(day, '-1 day')
              THEN 0 ELSE 1 END AS starts_new
  FROM days
),
grouped AS (
  SELECT user_id, day,
         SUM(starts_new) OVER (PARTITION BY user_id ORDER BY day ROWS UNBOUNDED PRECEDING) AS streak_no
  FROM flagged
),
streaks AS (
  SELECT user_id, streak_no, MIN(day) AS first_day, COUNT(*) AS len
  FROM grouped
  GROUP BY user_id, streak_no
),
with_max AS (
  SELECT user_id, len, first_day, MAX(len) OVER (PARTITION BY user_id) AS max_len
  FROM streaks
),
best AS (
  SELECT user_id, len, MIN(first_day) AS first_day
  FROM with_max
  WHERE len = max_len
  GROUP BY user_id, len
),
length_counts AS (
  SELECT len, COUNT(*) AS users_with_len FROM best GROUP BY len
),
rank_of_len AS (
  -- rank = 1 + how many users have a strictly longer streak (self-join of the small length histogram)
  SELECT a.len, 1 + IFNULL(SUM(b.users_with_len), 0) AS rnk
  FROM length_counts AS a
  LEFT JOIN length_counts AS b ON b.len > a.len
  GROUP BY a.len
),
top_len AS (
  SELECT best.user_id, best.len, best.first_day, rank_of_len.rnk
  FROM best
  JOIN rank_of_len USING (len)
)
SELECT rnk, user_id, len, first_day
FROM top_len
WHERE rnk <= 10
ORDER BY rnk, user_id;
