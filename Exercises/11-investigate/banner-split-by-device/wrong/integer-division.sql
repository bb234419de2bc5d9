-- mistake: integer division truncates the share to a whole percent
-- trap: integer-division
SELECT s.device,
       SUM(a.variant = 'control') AS control_users,
       SUM(a.variant = 'treatment') AS treatment_users,
       100 * SUM(a.variant = 'treatment') / COUNT(*) AS treatment_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
JOIN sessions AS s ON s.user_id = a.user_id AND s.started_at = a.assigned_at
WHERE e.name = 'free_shipping_banner'
GROUP BY s.device
ORDER BY s.device;
