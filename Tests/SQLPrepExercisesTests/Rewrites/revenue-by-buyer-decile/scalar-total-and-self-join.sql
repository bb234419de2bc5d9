-- rewrite: the grand total as a scalar subquery, the cumulative share by a self-join over deciles; unrounded
WITH br AS (SELECT user_id, SUM(total_cents) AS r FROM orders WHERE status = 'completed' GROUP BY user_id),
d AS (SELECT NTILE(10) OVER (ORDER BY r DESC) AS k, r FROM br),
pd AS (SELECT k, COUNT(*) AS n, SUM(r) AS r FROM d GROUP BY k)
SELECT a.k, a.n, a.r / 100.0,
       a.r * 100.0 / (SELECT SUM(r) FROM br),
       (SELECT SUM(b.r) FROM pd AS b WHERE b.k <= a.k) * 100.0 / (SELECT SUM(r) FROM br)
FROM pd AS a
ORDER BY a.k;
