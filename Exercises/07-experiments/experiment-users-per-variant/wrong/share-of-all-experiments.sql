-- mistake: the share is taken over users of all three experiments instead of the same experiment
SELECT a.experiment_id, e.name AS experiment, a.variant,
       COUNT(*) AS users,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM experiment_assignments), 2) AS share_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
GROUP BY a.experiment_id, e.name, a.variant
ORDER BY a.experiment_id, a.variant;
