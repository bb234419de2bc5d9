-- mistake: counts an order as attached when it has another product, even one of the same category
WITH order_categories AS (
  SELECT DISTINCT i.order_id, p.category
  FROM order_items AS i JOIN orders AS o ON o.order_id = i.order_id JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
),
line_counts AS (SELECT order_id, COUNT(*) AS lines FROM order_items GROUP BY order_id)
SELECT oc.category, COUNT(*) AS orders, SUM(lc.lines > 1) AS attached_orders,
       ROUND(100.0 * SUM(lc.lines > 1) / COUNT(*), 1) AS attach_pct
FROM order_categories AS oc JOIN line_counts AS lc ON lc.order_id = oc.order_id
GROUP BY oc.category
ORDER BY attach_pct DESC, oc.category;
