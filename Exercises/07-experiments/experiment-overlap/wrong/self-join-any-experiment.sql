-- mistake: joins assignments to themselves on user_id only, pairing every experiment of a user with every other, itself included
-- trap: fan-out
SELECT a.variant AS checkout_variant, b.variant AS hero_variant, COUNT(*) AS users,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS share_pct
FROM experiment_assignments AS a
JOIN experiment_assignments AS b ON b.user_id = a.user_id
GROUP BY a.variant, b.variant
ORDER BY checkout_variant, hero_variant;
