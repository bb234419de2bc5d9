-- mistake: keeps cancelled orders in the denominator, although they could never be refunded
-- trap: order-status
WITH category_orders AS (
  SELECT DISTINCT p.category, o.order_id, o.status
  FROM orders AS o
  JOIN order_items AS oi ON oi.order_id = o.order_id
  JOIN products AS p ON p.product_id = oi.product_id
)
SELECT category, COUNT(*) AS orders,
       SUM(CASE WHEN status = 'refunded' THEN 1 ELSE 0 END) AS refunded_orders,
       ROUND(100.0 * SUM(CASE WHEN status = 'refunded' THEN 1 ELSE 0 END) / COUNT(*), 2) AS refund_rate_pct
FROM category_orders
GROUP BY category
ORDER BY refund_rate_pct DESC, category;
