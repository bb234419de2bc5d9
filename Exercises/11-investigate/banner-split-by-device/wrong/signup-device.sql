-- mistake: splits by the device the user signed up on (users.device), not the device of the exposure
SELECT u.device,
       SUM(a.variant = 'control') AS control_users,
       SUM(a.variant = 'treatment') AS treatment_users,
       ROUND(100.0 * SUM(a.variant = 'treatment') / COUNT(*), 1) AS treatment_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
JOIN users AS u ON u.user_id = a.user_id
WHERE e.name = 'free_shipping_banner'
GROUP BY u.device
ORDER BY u.device;
