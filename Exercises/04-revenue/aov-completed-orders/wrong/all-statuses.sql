-- mistake: includes cancelled and refunded orders in the revenue and the order count
-- trap: order-status
SELECT COUNT(*) AS completed_orders,
       ROUND(SUM(total_cents) / 100.0, 2) AS revenue,
       ROUND(SUM(total_cents) / 100.0 / COUNT(*), 2) AS aov
FROM orders;
