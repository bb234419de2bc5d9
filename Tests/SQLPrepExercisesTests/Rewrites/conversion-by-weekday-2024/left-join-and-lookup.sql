-- rewrite: LEFT JOIN to orders (one per session at most), COUNT(order_id); day names from a VALUES lookup; unrounded
WITH names(n, name) AS (
  VALUES (1, 'Monday'), (2, 'Tuesday'), (3, 'Wednesday'), (4, 'Thursday'), (5, 'Friday'), (6, 'Saturday'), (7, 'Sunday')
),
per_day AS (
  SELECT CASE strftime('%w', s.started_at) WHEN '0' THEN 7 ELSE CAST(strftime('%w', s.started_at) AS INTEGER) END AS n,
         COUNT(*) AS total, COUNT(o.order_id) AS conv
  FROM sessions AS s
  LEFT JOIN orders AS o ON o.session_id = s.session_id
  WHERE strftime('%Y', s.started_at) = '2024'
  GROUP BY 1
)
SELECT p.n, names.name, p.total, p.conv, p.conv * 100.0 / p.total
FROM per_day AS p JOIN names USING (n)
ORDER BY p.n;
