-- mistake: groups only the dark (campaign, day) rows, so the campaigns that ran every day have no row at all
-- trap: zero-groups
WITH RECURSIVE days(day) AS (
  SELECT '2024-01-01' UNION ALL SELECT date(day, '+1 day') FROM days WHERE day < '2024-12-31'
),
campaigns AS (SELECT DISTINCT campaign, channel FROM marketing_spend)
SELECT c.campaign, c.channel, COUNT(*) AS dark_days, MIN(d.day) AS first_dark_day,
       (SELECT COUNT(*) FROM marketing_spend AS m2 WHERE m2.campaign = c.campaign AND m2.clicks = 0 AND m2.spend_date BETWEEN '2024-01-01' AND '2024-12-31') AS idle_days
FROM campaigns AS c CROSS JOIN days AS d
WHERE NOT EXISTS (SELECT 1 FROM marketing_spend AS m WHERE m.campaign = c.campaign AND m.spend_date = d.day)
GROUP BY c.campaign, c.channel
ORDER BY dark_days DESC, c.campaign;
