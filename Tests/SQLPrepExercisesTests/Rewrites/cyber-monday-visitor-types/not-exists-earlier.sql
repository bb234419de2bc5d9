-- rewrite: a signed-in session is new when NOT EXISTS an earlier session of the same user; UNION ALL of the two days' counts
WITH typed AS (
  SELECT date(s.started_at) AS day,
         CASE WHEN s.user_id IS NULL THEN 'anonymous'
              WHEN NOT EXISTS (SELECT 1 FROM sessions AS e WHERE e.user_id = s.user_id AND e.started_at < s.started_at) THEN 'new'
              ELSE 'returning' END AS vt
  FROM sessions AS s
  WHERE strftime('%w', s.started_at) = '1' AND s.started_at >= '2024-11-04' AND s.started_at < '2024-12-03'
),
counts AS (
  SELECT vt, SUM(CASE WHEN day = '2024-12-02' THEN 1 ELSE 0 END) AS cm,
         SUM(CASE WHEN day = '2024-12-02' THEN 0 ELSE 1 END) AS base4
  FROM typed GROUP BY vt
)
SELECT vt, cm, ROUND(base4 / 4.0, 2), ROUND((cm - base4 / 4.0) * 100 / (base4 / 4.0), 1)
FROM counts
ORDER BY vt;
