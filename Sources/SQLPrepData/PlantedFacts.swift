import SQLiteKit

/// The facts the course's story relies on, measured on one dataset: the seed sweep test
/// (`SeedSweepTests`, many seeds at a reduced scale) and `sqlprep-bench --seed-sweep` (a few
/// seeds at default scale) both read them from here, so they agree on what they check.
public struct PlantedFacts: Sendable {
    public var seed: UInt64 = 0
    /// Pooled two-proportion z of experiments 1 and 2 (treatment vs control, user conversion in the window).
    public var z1 = 0.0, z2 = 0.0
    /// Sample-ratio chi-square of experiment 3 against its planned 50/50.
    public var chiSquare3 = 0.0
    /// Experiment 1 by exposure device: relative lift (0.1 is 10%) and control conversion.
    public var liftByDevice: [String: Double] = [:]
    public var controlByDevice: [String: Double] = [:]
    /// The facts that must hold on every seed, by name.
    public var holds: [String: Bool] = [:]

    static let spendAndOrders = """
        WITH spend AS (SELECT channel, sum(spend_cents) AS cents FROM marketing_spend GROUP BY channel),
        q1 AS (SELECT channel, sum(spend_cents) AS cents FROM marketing_spend WHERE spend_date BETWEEN '2025-01-01' AND '2025-03-31' GROUP BY channel),
        completed AS (SELECT s.channel, count(*) AS n FROM orders o JOIN sessions s USING (session_id) WHERE o.status = 'completed' GROUP BY s.channel),
        cpo AS (SELECT channel, 1.0 * cents / n AS cpo FROM spend JOIN completed USING (channel))
        """

    /// Named facts that must hold on every seed, each a query that returns 1 when it holds.
    public static let everySeed: [(String, String)] = [
        ("podcast spends, with no clicks and no sessions", """
            SELECT (SELECT max(clicks) = 0 AND sum(spend_cents) > 0 FROM marketing_spend WHERE channel = 'podcast')
              AND (SELECT count(*) = 0 FROM sessions WHERE channel = 'podcast')
            """),
        ("paid_social is paused from 2024-07-15 to 2024-07-28", """
            SELECT (SELECT count(*) = 0 FROM marketing_spend WHERE channel = 'paid_social' AND spend_date BETWEEN '2024-07-15' AND '2024-07-28')
              AND (SELECT count(*) = 0 FROM sessions WHERE channel = 'paid_social' AND date(started_at) BETWEEN '2024-07-15' AND '2024-07-28')
              AND (SELECT count(*) > 0 FROM marketing_spend WHERE channel = 'paid_social' AND spend_date = '2024-07-14')
            """),
        ("spend ranks paid_search, podcast, paid_social; podcast is over 60% of search in Q1 2025", spendAndOrders + """
            SELECT (SELECT group_concat(channel) FROM (SELECT channel FROM spend ORDER BY cents DESC LIMIT 3)) = 'paid_search,podcast,paid_social'
              AND (SELECT cents FROM q1 WHERE channel = 'podcast') > 0.6 * (SELECT cents FROM q1 WHERE channel = 'paid_search')
              AND (SELECT channel FROM q1 ORDER BY cents DESC LIMIT 1) = 'paid_search'
            """),
        ("cost per completed order: email < paid_search < paid_social", spendAndOrders + """
            SELECT (SELECT cpo FROM cpo WHERE channel = 'email') < (SELECT cpo FROM cpo WHERE channel = 'paid_search')
              AND (SELECT cpo FROM cpo WHERE channel = 'paid_search') < (SELECT cpo FROM cpo WHERE channel = 'paid_social')
            """),
        ("no mobile sessions on 2025-03-09, mobile on the days around it", """
            SELECT (SELECT count(*) = 0 FROM sessions WHERE device = 'mobile' AND date(started_at) = '2025-03-09')
              AND (SELECT count(*) > 0 FROM sessions WHERE device = 'mobile' AND date(started_at) = '2025-03-08')
              AND (SELECT count(*) > 0 FROM sessions WHERE device = 'mobile' AND date(started_at) = '2025-03-10')
              AND (SELECT count(*) > 0 FROM sessions WHERE device <> 'mobile' AND date(started_at) = '2025-03-09')
            """),
        ("weekdays busier than weekends; the last quarter busier than the first", """
            SELECT (SELECT count(*) / 5.0 FROM sessions WHERE strftime('%w', started_at) BETWEEN '1' AND '5')
                 > 1.05 * (SELECT count(*) / 2.0 FROM sessions WHERE strftime('%w', started_at) IN ('0', '6'))
              AND (SELECT count(*) FROM sessions WHERE started_at >= '2025-04-01')
                 > 1.3 * (SELECT count(*) FROM sessions WHERE started_at < '2024-04-01')
            """),
        // The Black Friday weekend (Friday to Cyber Monday) against the same four days of each of
        // the four weeks before it.
        ("the Black Friday weekend: more visits, far more orders", """
            SELECT (SELECT count(*) FROM sessions WHERE started_at >= '2024-11-29' AND started_at < '2024-12-03')
                 > (SELECT count(*) / 4.0 FROM sessions WHERE started_at >= '2024-11-01' AND started_at < '2024-11-29'
                    AND strftime('%w', started_at) IN ('5', '6', '0', '1'))
              AND (SELECT count(*) FROM orders WHERE ordered_at >= '2024-11-29' AND ordered_at < '2024-12-03')
                 > 1.5 * (SELECT count(*) / 4.0 FROM orders WHERE ordered_at >= '2024-11-01' AND ordered_at < '2024-11-29'
                    AND strftime('%w', ordered_at) IN ('5', '6', '0', '1'))
            """),
    ]

    public init() {}

    /// Measures the facts on `db`. Experiment statistics grow with the sample: at `permille` of
    /// the default size, a z-score is √(1000 ÷ permille) times smaller and a chi-square 1000 ÷
    /// permille times smaller than the same planted rates give at default scale (the planted
    /// rates do not depend on the scale), which is how the reduced-scale sweep projects them.
    public static func measure(_ db: Connection) throws -> PlantedFacts {
        var facts = PlantedFacts()
        func z(_ experiment: Int) throws -> Double {
            try db.double("""
                WITH u AS (
                  SELECT a.variant, EXISTS (SELECT 1 FROM orders o WHERE o.user_id = a.user_id
                    AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at) AS converted
                  FROM experiment_assignments a JOIN experiments e USING (experiment_id) WHERE a.experiment_id = \(experiment)),
                s AS (SELECT 1.0 * sum(variant = 'treatment') AS nt, 1.0 * sum(variant = 'control') AS nc,
                             1.0 * sum(converted * (variant = 'treatment')) AS xt, 1.0 * sum(converted * (variant = 'control')) AS xc FROM u)
                SELECT (xt / nt - xc / nc) / sqrt(((xt + xc) / (nt + nc)) * (1 - (xt + xc) / (nt + nc)) * (1.0 / nt + 1.0 / nc)) FROM s
                """)
        }
        facts.z1 = try z(1)
        facts.z2 = try z(2)
        facts.chiSquare3 = try db.double("""
            SELECT 2.0 * (sum(variant = 'treatment') - count(*) / 2.0) * (sum(variant = 'treatment') - count(*) / 2.0) / (count(*) / 2.0)
            FROM experiment_assignments WHERE experiment_id = 3
            """)
        let rows = try db.prepare("""
            WITH x AS (
              SELECT s.device, a.variant, EXISTS (SELECT 1 FROM orders o WHERE o.user_id = a.user_id
                AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at) AS converted
              FROM experiment_assignments a JOIN experiments e USING (experiment_id)
              JOIN sessions s ON s.user_id = a.user_id AND s.started_at = a.assigned_at
              WHERE a.experiment_id = 1)
            SELECT device, avg(CASE WHEN variant = 'control' THEN converted END),
                   avg(CASE WHEN variant = 'treatment' THEN converted END) FROM x GROUP BY device
            """).allRows()
        for row in rows {
            guard case .text(let device) = row[0], let control = row[1].numericValue, let treatment = row[2].numericValue
            else { continue }
            facts.controlByDevice[device] = control
            facts.liftByDevice[device] = treatment / control - 1
        }

        for (name, sql) in everySeed {
            facts.holds[name] = try db.prepare(sql).scalar() == .integer(1)
        }
        return facts
    }


    /// The device story the texts tell: the lift grows as the screen shrinks, from a lower mobile baseline.
    public var deviceStory: Bool { phoneStory && tabletStory }

    /// Mobile gains more than desktop, from a lower baseline.
    public var phoneStory: Bool {
        (liftByDevice["desktop"] ?? 9) < (liftByDevice["mobile"] ?? 0)
            && (controlByDevice["mobile"] ?? 9) < (controlByDevice["desktop"] ?? 0)
    }

    /// Tablet gains more than mobile. Tablets are a tenth of the users: at a tenth of the default
    /// size that is some twenty users per arm, where one converter more or less moves the lift by
    /// a fifth, so this part is only meaningful near default scale.
    public var tabletStory: Bool { (liftByDevice["mobile"] ?? 9) < (liftByDevice["tablet"] ?? 0) }

    /// At default scale only: display costs more than twice as much per completed order as paid search.
    public static let displayCPOQuery = spendAndOrders + """
        SELECT (SELECT cpo FROM cpo WHERE channel = 'display') / (SELECT cpo FROM cpo WHERE channel = 'paid_search')
        """
}

extension Connection {
    fileprivate func double(_ sql: String) throws -> Double {
        guard let value = try prepare(sql).scalar()?.numericValue else { return .nan }
        return value
    }
}
