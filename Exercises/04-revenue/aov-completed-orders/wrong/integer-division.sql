-- mistake: integer division drops the cents from the revenue and the average
-- trap: integer-division
SELECT COUNT(*) AS completed_orders,
       SUM(total_cents) / 100 AS revenue,
       SUM(total_cents) / COUNT(*) / 100 AS aov
FROM orders
WHERE status = 'completed';
