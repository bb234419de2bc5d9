-- rewrite: the campaigns named explicitly, TOTAL() for the sums
SELECT strftime('%Y-%m', spend_date), campaign, SUM(clicks),
       ROUND(TOTAL(spend_cents) / 100, 2),
       ROUND(TOTAL(spend_cents) / TOTAL(clicks) / 100, 4)
FROM marketing_spend
WHERE campaign IN ('search_brand', 'search_generic') AND spend_date >= '2025-01-01' AND spend_date <= '2025-06-30'
GROUP BY 1, 2
ORDER BY 1, 2;
