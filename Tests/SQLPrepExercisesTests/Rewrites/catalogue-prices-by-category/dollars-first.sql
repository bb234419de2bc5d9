-- rewrite: prices converted to dollars in a subquery first, then aggregated
SELECT category, COUNT(*) AS n, MIN(price), MAX(price), ROUND(AVG(price), 2) AS avg_price
FROM (SELECT category, price_cents * 0.01 AS price FROM products)
GROUP BY category
ORDER BY avg_price DESC, category;
