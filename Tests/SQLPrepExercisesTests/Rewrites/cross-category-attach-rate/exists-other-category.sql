-- rewrite: EXISTS looks for a line of another category in the same order; GROUP BY instead of DISTINCT; unrounded
WITH oc AS (
  SELECT i.order_id, p.category
  FROM order_items AS i
  JOIN products AS p ON p.product_id = i.product_id
  WHERE i.order_id IN (SELECT order_id FROM orders WHERE status = 'completed')
  GROUP BY i.order_id, p.category
)
SELECT
  category,
  COUNT(*),
  SUM(EXISTS (SELECT 1 FROM order_items AS j JOIN products AS q ON q.product_id = j.product_id
              WHERE j.order_id = oc.order_id AND q.category <> oc.category)) AS attached,
  SUM(EXISTS (SELECT 1 FROM order_items AS j JOIN products AS q ON q.product_id = j.product_id
              WHERE j.order_id = oc.order_id AND q.category <> oc.category)) * 100.0 / COUNT(*) AS pct
FROM oc
GROUP BY category
ORDER BY pct DESC, category;
