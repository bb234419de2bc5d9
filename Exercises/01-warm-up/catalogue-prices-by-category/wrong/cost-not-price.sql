-- mistake: summarises cost_cents (what the shop pays) instead of the list price
SELECT category, COUNT(*) AS products,
       ROUND(MIN(cost_cents) / 100.0, 2) AS min_price, ROUND(MAX(cost_cents) / 100.0, 2) AS max_price,
       ROUND(AVG(cost_cents) / 100.0, 2) AS avg_price
FROM products
GROUP BY category
ORDER BY avg_price DESC, category;
