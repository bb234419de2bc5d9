-- mistake: integer division by 100 drops the cents from every price
-- trap: integer-division
SELECT category, COUNT(*) AS products,
       MIN(price_cents) / 100 AS min_price, MAX(price_cents) / 100 AS max_price, AVG(price_cents) / 100 AS avg_price
FROM products
GROUP BY category
ORDER BY avg_price DESC, category;
