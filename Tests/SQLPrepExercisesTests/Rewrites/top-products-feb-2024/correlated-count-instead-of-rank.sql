-- rewrite: no RANK(): a product is kept when fewer than 8 products sold strictly more (correlated COUNT); JOIN ... USING
WITH feb AS (
  SELECT product_id, SUM(quantity) AS sold
  FROM order_items
  JOIN orders USING (order_id)
  WHERE status = 'completed'
    AND ordered_at >= '2024-02-01 00:00:00'
    AND ordered_at < '2024-03-01 00:00:00'
  GROUP BY product_id
)
SELECT f.product_id, p.name AS product_name, f.sold
FROM feb AS f
JOIN products AS p USING (product_id)
WHERE (SELECT COUNT(*) FROM feb AS better WHERE better.sold > f.sold) < 8
ORDER BY f.sold DESC, f.product_id;
