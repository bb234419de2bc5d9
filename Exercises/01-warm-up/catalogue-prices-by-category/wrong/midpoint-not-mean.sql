-- mistake: takes the middle of the price range as the average instead of the mean over products
SELECT category, COUNT(*) AS products,
       ROUND(MIN(price_cents) / 100.0, 2) AS min_price, ROUND(MAX(price_cents) / 100.0, 2) AS max_price,
       ROUND((MIN(price_cents) + MAX(price_cents)) / 200.0, 2) AS avg_price
FROM products
GROUP BY category
ORDER BY avg_price DESC, category;
