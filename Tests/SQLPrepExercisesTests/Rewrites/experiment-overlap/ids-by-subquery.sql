-- rewrite: a self-join with each side's experiment id looked up by name in a subquery; CAST AS REAL
SELECT a.variant, b.variant, COUNT(*),
       ROUND(CAST(COUNT(*) AS REAL) * 100 / SUM(COUNT(*)) OVER (), 1)
FROM experiment_assignments AS a
JOIN experiment_assignments AS b
  ON b.user_id = a.user_id
 AND b.experiment_id = (SELECT experiment_id FROM experiments WHERE name = 'homepage_hero_video')
WHERE a.experiment_id = (SELECT experiment_id FROM experiments WHERE name = 'checkout_redesign')
GROUP BY a.variant, b.variant
ORDER BY 1, 2;
