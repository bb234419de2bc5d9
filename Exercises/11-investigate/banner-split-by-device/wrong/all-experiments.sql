-- mistake: forgets to keep only the banner experiment, so the assignments of all three tests are pooled
SELECT s.device,
       SUM(a.variant = 'control') AS control_users,
       SUM(a.variant = 'treatment') AS treatment_users,
       ROUND(100.0 * SUM(a.variant = 'treatment') / COUNT(*), 1) AS treatment_pct
FROM experiment_assignments AS a
JOIN sessions AS s ON s.user_id = a.user_id AND s.started_at = a.assigned_at
GROUP BY s.device
ORDER BY s.device;
