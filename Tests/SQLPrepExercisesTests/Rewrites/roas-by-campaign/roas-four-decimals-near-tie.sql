-- rewrite: ROAS rounded to 4 decimals instead of 2 (agrees with the reference to 2 decimals), rows sorted by it, ties by campaign
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
