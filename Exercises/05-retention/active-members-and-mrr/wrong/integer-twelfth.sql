-- mistake: price_cents / 12 in integer arithmetic drops the fraction of a cent of every annual member's monthly share
-- trap: integer-division
WITH months(month, next_start) AS (
  VALUES ('2025-01', '2025-02-01 00:00:00'), ('2025-02', '2025-03-01 00:00:00'), ('2025-03', '2025-04-01 00:00:00'),
         ('2025-04', '2025-05-01 00:00:00'), ('2025-05', '2025-06-01 00:00:00'), ('2025-06', '2025-07-01 00:00:00')
),
plans(plan) AS (VALUES ('annual'), ('monthly'))
SELECT m.month, p.plan, COUNT(ms.membership_id) AS active_members,
       ROUND(COALESCE(SUM(CASE WHEN ms.plan = 'annual' THEN ms.price_cents / 12 ELSE ms.price_cents END), 0) / 100.0, 2) AS mrr
FROM months AS m CROSS JOIN plans AS p
LEFT JOIN memberships AS ms ON ms.plan = p.plan AND ms.started_at < m.next_start AND (ms.cancelled_at IS NULL OR ms.cancelled_at >= m.next_start)
GROUP BY m.month, p.plan
ORDER BY m.month, p.plan;
