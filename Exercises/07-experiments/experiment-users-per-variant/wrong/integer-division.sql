-- mistake: integer division turns every share into 0
-- trap: integer-division
SELECT a.experiment_id, e.name AS experiment, a.variant,
       COUNT(*) AS users,
       ROUND(100 * (COUNT(*) / SUM(COUNT(*)) OVER (PARTITION BY a.experiment_id)), 2) AS share_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
GROUP BY a.experiment_id, e.name, a.variant
ORDER BY a.experiment_id, a.variant;
