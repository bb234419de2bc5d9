-- mistake: includes cancelled and refunded orders
-- trap: order-status
WITH order_categories AS (
  SELECT DISTINCT i.order_id, p.category
  FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id
),
category_counts AS (SELECT order_id, COUNT(*) AS categories FROM order_categories GROUP BY order_id)
SELECT oc.category, COUNT(*) AS orders, SUM(cc.categories > 1) AS attached_orders,
       ROUND(100.0 * SUM(cc.categories > 1) / COUNT(*), 1) AS attach_pct
FROM order_categories AS oc JOIN category_counts AS cc ON cc.order_id = oc.order_id
GROUP BY oc.category
ORDER BY attach_pct DESC, oc.category;
