-- mistake: joins the order lines before aggregating, so orders counts lines and the average weighs each order once per line
-- trap: fan-out
WITH numbered AS (
  SELECT order_id, subtotal_cents, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS nth
  FROM orders WHERE status = 'completed'
)
SELECT CASE WHEN n.nth = 1 THEN 'first' ELSE 'repeat' END AS order_type, COUNT(*) AS orders,
       ROUND(1.0 * COUNT(*) / COUNT(DISTINCT n.order_id), 2) AS products_per_order,
       ROUND(AVG(n.subtotal_cents) / 100.0, 2) AS avg_item_value
FROM numbered AS n JOIN order_items AS i ON i.order_id = n.order_id
GROUP BY order_type
ORDER BY order_type;
