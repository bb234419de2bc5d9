-- mistake: measures at the first moment of each month instead of its end, so every figure is a month late
-- trap: date-window
WITH months(month, at) AS (
  VALUES ('2025-01', '2025-01-01 00:00:00'), ('2025-02', '2025-02-01 00:00:00'), ('2025-03', '2025-03-01 00:00:00'),
         ('2025-04', '2025-04-01 00:00:00'), ('2025-05', '2025-05-01 00:00:00'), ('2025-06', '2025-06-01 00:00:00')
),
plans(plan) AS (VALUES ('annual'), ('monthly'))
SELECT m.month, p.plan, COUNT(ms.membership_id) AS active_members,
       ROUND(COALESCE(SUM(CASE WHEN ms.plan = 'annual' THEN ms.price_cents / 12.0 ELSE ms.price_cents END), 0) / 100.0, 2) AS mrr
FROM months AS m CROSS JOIN plans AS p
LEFT JOIN memberships AS ms ON ms.plan = p.plan AND ms.started_at < m.at AND (ms.cancelled_at IS NULL OR ms.cancelled_at >= m.at)
GROUP BY m.month, p.plan
ORDER BY m.month, p.plan;
