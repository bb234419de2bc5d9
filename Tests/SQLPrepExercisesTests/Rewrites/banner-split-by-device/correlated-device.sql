-- rewrite: the exposure device from a correlated subquery; the experiment found by a subquery on its name; unrounded
WITH exposed AS (
  SELECT a.variant,
         (SELECT s.device FROM sessions AS s
          WHERE s.user_id = a.user_id AND s.started_at = a.assigned_at) AS device
  FROM experiment_assignments AS a
  WHERE a.experiment_id = (SELECT experiment_id FROM experiments WHERE name = 'free_shipping_banner')
)
SELECT device,
       COUNT(*) FILTER (WHERE variant = 'control'),
       COUNT(*) FILTER (WHERE variant = 'treatment'),
       COUNT(*) FILTER (WHERE variant = 'treatment') * 100.0 / COUNT(*)
FROM exposed
GROUP BY device
ORDER BY device;
