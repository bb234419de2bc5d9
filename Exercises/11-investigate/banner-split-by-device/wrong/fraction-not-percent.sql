-- mistake: the share is a fraction from 0 to 1 where the contract asks for a percentage
-- trap: percent-vs-fraction
SELECT s.device,
       SUM(a.variant = 'control') AS control_users,
       SUM(a.variant = 'treatment') AS treatment_users,
       ROUND(1.0 * SUM(a.variant = 'treatment') / COUNT(*), 3) AS treatment_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
JOIN sessions AS s ON s.user_id = a.user_id AND s.started_at = a.assigned_at
WHERE e.name = 'free_shipping_banner'
GROUP BY s.device
ORDER BY s.device;
