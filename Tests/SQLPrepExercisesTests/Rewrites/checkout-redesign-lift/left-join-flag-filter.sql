-- rewrite: conversion flag from a LEFT JOIN to qualifying orders + MAX per user (not EXISTS); rates from FILTER counts
WITH per_user AS (
  SELECT a.user_id, a.variant, MAX(o.order_id IS NOT NULL) AS converted
  FROM experiment_assignments AS a
  JOIN experiments AS e ON e.experiment_id = a.experiment_id
  LEFT JOIN orders AS o
    ON o.user_id = a.user_id
   AND o.ordered_at BETWEEN a.assigned_at AND e.ended_at
  WHERE a.experiment_id = 1
  GROUP BY a.user_id, a.variant
),
rates AS (
  SELECT
    1.0 * COUNT(*) FILTER (WHERE variant = 'control' AND converted = 1)
        / COUNT(*) FILTER (WHERE variant = 'control') AS c,
    1.0 * COUNT(*) FILTER (WHERE variant = 'treatment' AND converted = 1)
        / COUNT(*) FILTER (WHERE variant = 'treatment') AS t
  FROM per_user
)
SELECT
  ROUND(c * 100, 2) AS control_conv,
  ROUND(t * 100, 2) AS treatment_conv,
  ROUND((t - c) * 100, 2) AS pp_diff,
  ROUND((t / c - 1) * 100, 2) AS lift
FROM rates;
