-- rewrite: paid recomputed as item value − discounts + shipping; sums in cents in a CTE, dollars at the end
WITH monthly AS (
  SELECT strftime('%Y-%m', ordered_at) AS month,
         SUM(subtotal_cents) AS items, SUM(discount_cents) AS disc, SUM(shipping_cents) AS ship
  FROM orders
  WHERE status = 'completed' AND strftime('%Y-%m', ordered_at) IN ('2024-10', '2024-11', '2024-12')
  GROUP BY 1
)
SELECT month, ROUND(items / 100.0, 2), ROUND(disc / 100.0, 2), ROUND(ship / 100.0, 2),
       ROUND((items - disc + ship) / 100.0, 2)
FROM monthly
ORDER BY month;
