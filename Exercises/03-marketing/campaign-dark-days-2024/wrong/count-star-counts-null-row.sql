-- mistake: COUNT(*) after the LEFT JOIN counts the NULL row a never-dark campaign gets, so it shows 1 dark day instead of 0
-- trap: nulls
WITH RECURSIVE days(day) AS (
  SELECT '2024-01-01' UNION ALL SELECT date(day, '+1 day') FROM days WHERE day < '2024-12-31'
),
campaigns AS (SELECT DISTINCT campaign, channel FROM marketing_spend),
dark AS (
  SELECT c.campaign, d.day FROM campaigns AS c CROSS JOIN days AS d
  WHERE NOT EXISTS (SELECT 1 FROM marketing_spend AS m WHERE m.campaign = c.campaign AND m.spend_date = d.day)
)
SELECT c.campaign, c.channel, COUNT(*) AS dark_days, MIN(dark.day) AS first_dark_day,
       (SELECT COUNT(*) FROM marketing_spend AS m2 WHERE m2.campaign = c.campaign AND m2.clicks = 0 AND m2.spend_date BETWEEN '2024-01-01' AND '2024-12-31') AS idle_days
FROM campaigns AS c LEFT JOIN dark ON dark.campaign = c.campaign
GROUP BY c.campaign, c.channel
ORDER BY dark_days DESC, c.campaign;
