-- rewrite: the number of categories per order from a window over the (order, category) rows; CASE counts
WITH oc AS (
  SELECT DISTINCT o.order_id, p.category
  FROM orders AS o
  JOIN order_items AS i USING (order_id)
  JOIN products AS p USING (product_id)
  WHERE o.status = 'completed'
),
counted AS (SELECT category, COUNT(*) OVER (PARTITION BY order_id) AS k FROM oc)
SELECT category, COUNT(*) AS orders,
       SUM(CASE WHEN k >= 2 THEN 1 ELSE 0 END) AS attached,
       ROUND(100.0 * SUM(CASE WHEN k >= 2 THEN 1 ELSE 0 END) / COUNT(*), 1) AS pct
FROM counted
GROUP BY category
ORDER BY pct DESC, category;
