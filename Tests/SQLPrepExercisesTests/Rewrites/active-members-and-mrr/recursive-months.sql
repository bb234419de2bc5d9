-- rewrite: month ends from a recursive CTE with date(..., '+1 month'); COALESCE(cancelled_at, far future); correlated counts; unrounded
WITH RECURSIVE months(start) AS (
  SELECT '2025-01-01' UNION ALL SELECT date(start, '+1 month') FROM months WHERE start < '2025-06-01'
),
ends AS (SELECT substr(start, 1, 7) AS month, date(start, '+1 month') AS next_start FROM months),
plans AS (SELECT DISTINCT plan FROM memberships)
SELECT e.month, p.plan,
       (SELECT COUNT(*) FROM memberships AS x
        WHERE x.plan = p.plan AND x.started_at < e.next_start AND COALESCE(x.cancelled_at, '9999-12-31') >= e.next_start),
       (SELECT TOTAL(IIF(x.plan = 'annual', x.price_cents / 12.0, x.price_cents)) FROM memberships AS x
        WHERE x.plan = p.plan AND x.started_at < e.next_start AND COALESCE(x.cancelled_at, '9999-12-31') >= e.next_start) / 100
FROM ends AS e CROSS JOIN plans AS p
ORDER BY e.month, p.plan;
