-- rewrite: each order's cost from a correlated subquery, IFNULL label, CAST AS REAL, unrounded
WITH per_order AS (
  SELECT IFNULL(coupon_code, 'none') AS label,
         subtotal_cents - discount_cents AS net,
         (SELECT SUM(i.quantity * p.cost_cents) FROM order_items AS i JOIN products AS p USING (product_id)
          WHERE i.order_id = o.order_id) AS cost
  FROM orders AS o
  WHERE status = 'completed'
)
SELECT label, COUNT(*), SUM(net) / 100.0, SUM(net - cost) / 100.0, CAST(SUM(net - cost) AS REAL) / SUM(net) * 100 AS pct
FROM per_order
GROUP BY label
ORDER BY pct DESC, label;
