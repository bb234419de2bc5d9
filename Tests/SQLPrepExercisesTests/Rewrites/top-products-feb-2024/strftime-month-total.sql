-- rewrite: February picked with strftime('%Y-%m', ...) = '2024-02', units as TOTAL() (a real), RANK in a subquery instead of a CTE
SELECT product_id, name, units
FROM (
  SELECT
    oi.product_id,
    p.name,
    TOTAL(oi.quantity) AS units,
    RANK() OVER (ORDER BY TOTAL(oi.quantity) DESC) AS rnk
  FROM orders AS o
  JOIN order_items AS oi ON oi.order_id = o.order_id
  JOIN products AS p ON p.product_id = oi.product_id
  WHERE o.status = 'completed'
    AND strftime('%Y-%m', o.ordered_at) = '2024-02'
  GROUP BY oi.product_id, p.name
) AS ranked
WHERE rnk <= 8
ORDER BY units DESC, product_id;
