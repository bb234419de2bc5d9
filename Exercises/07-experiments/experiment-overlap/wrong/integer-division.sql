-- mistake: integer division truncates each share to a whole percent
-- trap: integer-division
WITH checkout AS (
  SELECT a.user_id, a.variant FROM experiment_assignments AS a JOIN experiments AS e ON e.experiment_id = a.experiment_id WHERE e.name = 'checkout_redesign'
),
hero AS (
  SELECT a.user_id, a.variant FROM experiment_assignments AS a JOIN experiments AS e ON e.experiment_id = a.experiment_id WHERE e.name = 'homepage_hero_video'
)
SELECT c.variant AS checkout_variant, h.variant AS hero_variant, COUNT(*) AS users,
       100 * COUNT(*) / SUM(COUNT(*)) OVER () AS share_pct
FROM checkout AS c JOIN hero AS h ON h.user_id = c.user_id
GROUP BY c.variant, h.variant
ORDER BY checkout_variant, hero_variant;
