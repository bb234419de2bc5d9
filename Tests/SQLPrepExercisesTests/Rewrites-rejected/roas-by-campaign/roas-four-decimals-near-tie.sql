-- rewrite: ROAS rounded to 4 decimals instead of 2 (agrees with the reference to 2 decimals), rows sorted by it, ties by campaign
-- rejected: NOT on the built-in dataset (passes there), but on `scale: tiny` + `seed: 11`.
--   Reference rows: social_prospecting 1.89, search_generic 1.88 (not tied), in that order. This query
--   gives 1.8907 and 1.885 in the same order and every value matches, yet the verdict is wrong_order:
--   the order check rounds 1.885 up to 1.89, calls the two rows tied, and then requires the tie-break
--   campaign order (search_generic before social_prospecting), contradicting the reference's order.
-- reproduce: as for session-conversion-by-channel, with `scale: tiny` and `seed: 11`.
WITH rev AS (
  SELECT s.campaign,
         SUM(CASE WHEN o.status = 'completed' THEN o.total_cents ELSE 0 END) AS cents
  FROM sessions AS s
  JOIN orders AS o ON o.session_id = s.session_id
  WHERE s.campaign IS NOT NULL
  GROUP BY s.campaign
)
SELECT
  m.campaign,
  m.channel,
  ROUND(CAST(SUM(m.spend_cents) AS REAL) / 100, 2),
  ROUND(CAST(COALESCE(r.cents, 0) AS REAL) / 100, 2),
  ROUND(CAST(COALESCE(r.cents, 0) AS REAL) / SUM(m.spend_cents), 4) AS roas_4dp
FROM marketing_spend AS m
LEFT JOIN rev AS r ON r.campaign = m.campaign
GROUP BY m.campaign, m.channel, r.cents
ORDER BY roas_4dp DESC, m.campaign;
