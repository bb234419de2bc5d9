-- rewrite: revenue per buyer first, then rolled up by country; IFNULL label; unrounded
WITH per_buyer AS (
  SELECT o.user_id, IFNULL(u.country, 'unknown') AS c, COUNT(*) AS n, SUM(o.total_cents) AS cents
  FROM orders AS o JOIN users AS u USING (user_id)
  WHERE o.status = 'completed'
  GROUP BY o.user_id, u.country
)
SELECT c, COUNT(*), SUM(n), SUM(cents) / 100.0 AS rev, AVG(cents) / 100.0
FROM per_buyer
GROUP BY c
ORDER BY rev DESC, c;
