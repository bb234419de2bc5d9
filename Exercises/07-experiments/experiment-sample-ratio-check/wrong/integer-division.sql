-- mistake: integer arithmetic truncates E and each chi-square term, so small mismatches become 0
-- trap: integer-division
WITH c AS (
  SELECT experiment_id, SUM(variant = 'control') AS cu, SUM(variant = 'treatment') AS tu,
         COUNT(*) / 2 AS ex
  FROM experiment_assignments GROUP BY experiment_id
), s AS (
  SELECT c.*, (cu - ex) * (cu - ex) / ex + (tu - ex) * (tu - ex) / ex AS chi FROM c
)
SELECT s.experiment_id, e.name AS experiment, cu AS control_users, tu AS treatment_users,
       ROUND(100.0 * tu / (cu + tu), 2) AS treatment_share_pct,
       ROUND(chi, 2) AS chi_square,
       CASE WHEN chi > 10.83 THEN 'yes' ELSE 'no' END AS srm
FROM s JOIN experiments AS e ON e.experiment_id = s.experiment_id
ORDER BY s.experiment_id;
