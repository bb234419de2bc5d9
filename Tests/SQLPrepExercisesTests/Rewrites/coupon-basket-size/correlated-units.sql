-- rewrite: units per order from a correlated subquery per order, IFNULL for the label, CAST AS REAL, unrounded
WITH per_order AS (
  SELECT IFNULL(coupon_code, 'none') AS label, subtotal_cents,
         (SELECT SUM(quantity) FROM order_items AS i WHERE i.order_id = o.order_id) AS units
  FROM orders AS o
  WHERE status = 'completed'
)
SELECT label, COUNT(*), CAST(SUM(units) AS REAL) / COUNT(*), CAST(SUM(subtotal_cents) AS REAL) / COUNT(*) / 100
FROM per_order
GROUP BY label
ORDER BY label;
