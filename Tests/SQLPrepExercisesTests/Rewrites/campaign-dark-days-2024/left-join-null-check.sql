-- rewrite: calendar × campaigns LEFT JOIN spend, dark where the spend row is NULL; counted with SUM(CASE) and a CASE for the first day
WITH RECURSIVE cal(d) AS (
  SELECT date('2024-01-01') UNION ALL SELECT date(d, '+1 day') FROM cal WHERE d < date('2024-12-31')
),
camps AS (SELECT campaign, MIN(channel) AS channel FROM marketing_spend GROUP BY campaign),
grid AS (
  SELECT c.campaign, c.channel, cal.d, m.spend_date, m.clicks
  FROM camps AS c
  CROSS JOIN cal
  LEFT JOIN marketing_spend AS m ON m.campaign = c.campaign AND m.spend_date = cal.d
)
SELECT campaign, channel,
       SUM(CASE WHEN spend_date IS NULL THEN 1 ELSE 0 END) AS dark,
       MIN(CASE WHEN spend_date IS NULL THEN d END),
       COUNT(CASE WHEN clicks = 0 THEN 1 END)
FROM grid
GROUP BY campaign, channel
ORDER BY dark DESC, campaign;
