-- rewrite: the mean as TOTAL / COUNT, dollars via CAST AS REAL; unrounded
SELECT category, COUNT(product_id),
       CAST(MIN(price_cents) AS REAL) / 100, CAST(MAX(price_cents) AS REAL) / 100,
       TOTAL(price_cents) / COUNT(*) / 100 AS mean_price
FROM products
GROUP BY category
ORDER BY mean_price DESC, category;
