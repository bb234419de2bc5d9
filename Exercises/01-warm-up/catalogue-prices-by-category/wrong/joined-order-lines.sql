-- mistake: joins order lines, so products are counted once per line sold and the average is weighted by sales
-- trap: fan-out
SELECT p.category, COUNT(*) AS products,
       ROUND(MIN(p.price_cents) / 100.0, 2) AS min_price, ROUND(MAX(p.price_cents) / 100.0, 2) AS max_price,
       ROUND(AVG(p.price_cents) / 100.0, 2) AS avg_price
FROM products AS p
JOIN order_items AS i ON i.product_id = p.product_id
GROUP BY p.category
ORDER BY avg_price DESC, p.category;
