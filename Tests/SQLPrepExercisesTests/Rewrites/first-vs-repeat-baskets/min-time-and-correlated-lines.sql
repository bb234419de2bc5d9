-- rewrite: the first order found by MIN(ordered_at) per user; lines by a correlated count; unrounded
WITH completed AS (SELECT * FROM orders WHERE status = 'completed'),
firsts AS (SELECT user_id, MIN(ordered_at) AS first_at FROM completed GROUP BY user_id)
SELECT IIF(c.ordered_at = f.first_at, 'first', 'repeat') AS t,
       COUNT(*),
       AVG((SELECT COUNT(*) FROM order_items AS i WHERE i.order_id = c.order_id)),
       AVG(c.subtotal_cents) / 100.0
FROM completed AS c JOIN firsts AS f ON f.user_id = c.user_id
GROUP BY t
ORDER BY t;
