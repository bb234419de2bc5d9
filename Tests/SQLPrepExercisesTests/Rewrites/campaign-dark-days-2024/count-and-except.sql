-- rewrite: dark days as 366 minus the days with a row, via a correlated count; first dark day by a correlated MIN over the calendar; idle days by a correlated SUM
WITH RECURSIVE cal(d) AS (
  SELECT '2024-01-01' UNION ALL SELECT date(d, '+1 day') FROM cal WHERE d < '2024-12-31'
),
camps AS (SELECT DISTINCT campaign, channel FROM marketing_spend)
SELECT
  campaign, channel,
  366 - (SELECT COUNT(DISTINCT spend_date) FROM marketing_spend AS m
         WHERE m.campaign = camps.campaign AND m.spend_date BETWEEN '2024-01-01' AND '2024-12-31') AS dark,
  (SELECT MIN(d) FROM cal WHERE d NOT IN (SELECT spend_date FROM marketing_spend AS m WHERE m.campaign = camps.campaign)),
  (SELECT IFNULL(SUM(clicks = 0), 0) FROM marketing_spend AS m WHERE m.campaign = camps.campaign AND substr(m.spend_date, 1, 4) = '2024')
FROM camps
ORDER BY dark DESC, campaign;
