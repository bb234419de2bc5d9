-- mistake: takes 365 minus the days with a row, but 2024 is a leap year with 366 days
-- trap: date-window
SELECT campaign, channel,
       365 - COUNT(CASE WHEN spend_date BETWEEN '2024-01-01' AND '2024-12-31' THEN 1 END) AS dark_days,
       NULL AS first_dark_day,
       SUM(clicks = 0 AND spend_date BETWEEN '2024-01-01' AND '2024-12-31') AS idle_days
FROM marketing_spend
GROUP BY campaign, channel
ORDER BY dark_days DESC, campaign;
