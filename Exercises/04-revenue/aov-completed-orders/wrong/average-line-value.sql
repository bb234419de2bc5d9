-- mistake: averages order lines (quantity × unit price) instead of orders, so a three-line basket counts three times
SELECT
  COUNT(DISTINCT o.order_id) AS completed_orders,
  ROUND(SUM(o.total_cents) / 100.0, 2) AS revenue,
  ROUND(AVG(i.quantity * i.unit_price_cents) / 100.0, 2) AS aov
FROM orders AS o
JOIN order_items AS i ON i.order_id = o.order_id
WHERE o.status = 'completed';
