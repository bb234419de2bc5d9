-- rewrite: one row per user with both variants pivoted by MAX(CASE ...), HAVING both present; scalar total; unrounded
WITH per_user AS (
  SELECT a.user_id,
         MAX(CASE WHEN e.name = 'checkout_redesign' THEN a.variant END) AS cv,
         MAX(CASE WHEN e.name = 'homepage_hero_video' THEN a.variant END) AS hv
  FROM experiment_assignments AS a JOIN experiments AS e USING (experiment_id)
  GROUP BY a.user_id
  HAVING cv IS NOT NULL AND hv IS NOT NULL
)
SELECT cv, hv, COUNT(*), COUNT(*) * 100.0 / (SELECT COUNT(*) FROM per_user)
FROM per_user
GROUP BY cv, hv
ORDER BY cv, hv;
