-- mistake: a fraction (0 to 1) where the contract asks for a percentage (0 to 100)
-- trap: percent-vs-fraction
SELECT a.experiment_id, e.name AS experiment, a.variant,
       COUNT(*) AS users,
       ROUND(1.0 * COUNT(*) / SUM(COUNT(*)) OVER (PARTITION BY a.experiment_id), 2) AS share_pct
FROM experiment_assignments AS a
JOIN experiments AS e ON e.experiment_id = a.experiment_id
GROUP BY a.experiment_id, e.name, a.variant
ORDER BY a.experiment_id, a.variant;
