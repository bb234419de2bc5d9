-- mistake: joins sessions on user_id only, so every user is counted once for every session they ever had
-- trap: fan-out
SELECT s.device,
       SUM(a.variant = 'control') AS control_users,
       SUM(a.variant = 'treatment') AS treatment_users,
       ROUND(100.0 * SUM(a.variant = 'treatment') / COUNT(*), 1) AS treatment_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
JOIN sessions AS s ON s.user_id = a.user_id
WHERE e.name = 'free_shipping_banner'
GROUP BY s.device
ORDER BY s.device;
