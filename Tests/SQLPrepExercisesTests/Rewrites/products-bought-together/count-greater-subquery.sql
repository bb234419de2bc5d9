-- rewrite: rank as 1 + the number of pairs with more orders (what RANK() computes), names joined first
WITH lines AS (
  SELECT i.order_id, p.product_id, p.name
  FROM orders AS o
  JOIN order_items AS i ON i.order_id = o.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed' AND substr(o.ordered_at, 1, 7) BETWEEN '2025-01' AND '2025-06'
),
pairs AS (
  SELECT a.name AS first_name, b.name AS second_name, COUNT(DISTINCT a.order_id) AS n
  FROM lines AS a
  JOIN lines AS b ON a.order_id = b.order_id AND a.product_id < b.product_id
  GROUP BY a.product_id, b.product_id
)
SELECT first_name, second_name, n
FROM pairs AS p
WHERE 1 + (SELECT COUNT(*) FROM pairs AS q WHERE q.n > p.n) <= 15
ORDER BY n DESC;
