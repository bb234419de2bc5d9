-- mistake: counts order lines instead of distinct orders, so baskets with several lines of a category weigh more
-- trap: fan-out
SELECT p.category,
       COUNT(*) AS orders,
       SUM(CASE WHEN o.status = 'refunded' THEN 1 ELSE 0 END) AS refunded_orders,
       ROUND(100.0 * SUM(CASE WHEN o.status = 'refunded' THEN 1 ELSE 0 END) / COUNT(*), 2) AS refund_rate_pct
FROM orders AS o
JOIN order_items AS oi ON oi.order_id = o.order_id
JOIN products AS p ON p.product_id = oi.product_id
WHERE o.status IN ('completed', 'refunded')
GROUP BY p.category
ORDER BY refund_rate_pct DESC, p.category;
