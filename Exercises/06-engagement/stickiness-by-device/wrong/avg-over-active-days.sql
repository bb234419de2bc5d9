-- mistake: averages DAU only over days with sessions, so mobile's outage day is skipped instead of counted as 0
-- trap: zero-groups
WITH daily AS (
  SELECT device, date(started_at) AS day, COUNT(DISTINCT user_id) AS dau
  FROM sessions
  WHERE user_id IS NOT NULL AND started_at >= '2025-03-01' AND started_at < '2025-04-01'
  GROUP BY device, date(started_at)
),
monthly AS (
  SELECT device, COUNT(DISTINCT user_id) AS mau
  FROM sessions
  WHERE user_id IS NOT NULL AND started_at >= '2025-03-01' AND started_at < '2025-04-01'
  GROUP BY device
)
SELECT d.device, ROUND(AVG(d.dau), 1) AS avg_dau, m.mau,
  ROUND(100.0 * AVG(d.dau) / m.mau, 1) AS stickiness_pct
FROM daily d JOIN monthly m ON m.device = d.device
GROUP BY d.device, m.mau
ORDER BY stickiness_pct DESC, d.device;
