-- rewrite: distinct cart sessions and distinct purchase sessions as two sets; abandoned = cart sessions NOT IN the purchase set
WITH scoped AS (
  SELECT session_id, device FROM sessions WHERE date(started_at) BETWEEN '2025-01-01' AND '2025-03-31'
),
carts AS (SELECT DISTINCT e.session_id FROM events AS e WHERE e.event_type = 'add_to_cart'),
buys AS (SELECT DISTINCT e.session_id FROM events AS e WHERE e.event_type = 'purchase')
SELECT sc.device,
       COUNT(*) AS cart_sessions,
       COUNT(*) FILTER (WHERE sc.session_id NOT IN (SELECT session_id FROM buys)) AS abandoned,
       ROUND(COUNT(*) FILTER (WHERE sc.session_id NOT IN (SELECT session_id FROM buys)) * 100.0 / COUNT(*), 1) AS pct
FROM scoped AS sc
JOIN carts AS c ON c.session_id = sc.session_id
GROUP BY sc.device
ORDER BY pct DESC, sc.device;
