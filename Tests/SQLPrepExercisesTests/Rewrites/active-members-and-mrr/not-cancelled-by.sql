-- rewrite: active = started before and NOT (cancelled before) the next month; an inner join is enough since both plans always have members
WITH months(month, next_start) AS (
  SELECT '2025-0' || n, '2025-0' || (n + 1) || '-01 00:00:00' FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3
                                                                     UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6)
)
SELECT m.month, ms.plan, COUNT(*),
       ROUND(SUM(ms.price_cents * CASE ms.plan WHEN 'annual' THEN 1 / 12.0 ELSE 1 END) / 100.0, 2)
FROM months AS m
JOIN memberships AS ms ON ms.started_at < m.next_start AND NOT IFNULL(ms.cancelled_at < m.next_start, 0)
GROUP BY m.month, ms.plan
ORDER BY m.month, ms.plan;
