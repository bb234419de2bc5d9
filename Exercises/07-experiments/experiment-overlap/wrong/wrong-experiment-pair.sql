-- mistake: crosses the checkout test with the free-shipping banner test instead of the hero-video test
WITH checkout AS (
  SELECT a.user_id, a.variant FROM experiment_assignments AS a JOIN experiments AS e ON e.experiment_id = a.experiment_id WHERE e.name = 'checkout_redesign'
),
hero AS (
  SELECT a.user_id, a.variant FROM experiment_assignments AS a JOIN experiments AS e ON e.experiment_id = a.experiment_id WHERE e.name = 'free_shipping_banner'
)
SELECT c.variant AS checkout_variant, h.variant AS hero_variant, COUNT(*) AS users,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS share_pct
FROM checkout AS c JOIN hero AS h ON h.user_id = c.user_id
GROUP BY c.variant, h.variant
ORDER BY checkout_variant, hero_variant;
