-- rewrite: ROW_NUMBER over each user's sessions marks the first; anonymous sessions get their own label by COALESCE; unrounded
WITH numbered AS (
  SELECT started_at, user_id,
         CASE WHEN user_id IS NULL THEN NULL
              ELSE ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY started_at) END AS nth
  FROM sessions
),
typed AS (
  SELECT substr(started_at, 1, 10) AS day,
         COALESCE(CASE WHEN nth = 1 THEN 'new' WHEN nth > 1 THEN 'returning' END, 'anonymous') AS t
  FROM numbered
  WHERE substr(started_at, 1, 10) IN ('2024-11-04', '2024-11-11', '2024-11-18', '2024-11-25', '2024-12-02')
)
SELECT t,
       COUNT(*) FILTER (WHERE day = '2024-12-02') AS cm,
       COUNT(*) FILTER (WHERE day < '2024-12-02') * 0.25 AS base,
       (COUNT(*) FILTER (WHERE day = '2024-12-02') / (COUNT(*) FILTER (WHERE day < '2024-12-02') * 0.25) - 1) * 100
FROM typed
GROUP BY t
ORDER BY t;
