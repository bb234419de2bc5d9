-- mistake: keeps cancelled and refunded orders in the comparison
-- trap: order-status
WITH numbered AS (
  SELECT order_id, subtotal_cents, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS nth FROM orders
),
line_counts AS (SELECT order_id, COUNT(*) AS lines FROM order_items GROUP BY order_id)
SELECT CASE WHEN n.nth = 1 THEN 'first' ELSE 'repeat' END AS order_type, COUNT(*) AS orders,
       ROUND(1.0 * SUM(l.lines) / COUNT(*), 2) AS products_per_order, ROUND(AVG(n.subtotal_cents) / 100.0, 2) AS avg_item_value
FROM numbered AS n JOIN line_counts AS l ON l.order_id = n.order_id
GROUP BY order_type
ORDER BY order_type;
