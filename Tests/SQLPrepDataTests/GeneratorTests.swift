import SQLPrepData
import SQLPrepText
import SQLiteKit
import Testing

/// Datasets shared by the tests in this process (built once each).
enum Datasets {
    static let tiny = Result { try ShopDataset.build(DatasetSpec(scale: .tiny)) }
    static let standard = Result { try ShopDataset.build(DatasetSpec(scale: .default)) }

    static func connection(_ image: Result<DatabaseImage, any Error>) throws -> Connection {
        let db = try Connection.inMemory()
        try db.attachReadOnly(image.get())
        return db
    }
}

extension Connection {
    func double(_ sql: String) throws -> Double {
        try #require(prepare(sql).scalar()?.numericValue, "no number from: \(sql)")
    }
}

@Suite("Deterministic generation")
struct DeterminismTests {
    @Test("SplitMix64 matches the published reference sequence")
    func splitMixReference() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("The tiny dataset's fingerprint is pinned: any change to the generator shows up here")
    func pinnedFingerprint() throws {
        // If you changed the generator on purpose: bump ShopGenerator.version, update this value,
        // and regenerate Fixtures/ (sqlprep validate --update-expected).
        let fingerprint = try ShopDataset.fingerprint(Datasets.connection(Datasets.tiny))
        #expect(fingerprint == "33b9bf3e573d2973")
    }

    @Test("Same seed and scale give byte-identical images; another seed gives other data")
    func sameSpecSameBytes() throws {
        let a = try ShopDataset.build(DatasetSpec(seed: 7, scale: .tiny))
        let b = try ShopDataset.build(DatasetSpec(seed: 7, scale: .tiny))
        let c = try ShopDataset.build(DatasetSpec(seed: 8, scale: .tiny))
        #expect(Array(a.buffer) == Array(b.buffer))
        #expect(Array(a.buffer) != Array(c.buffer))
    }

    @Test(
        "Scales parse from names and factors",
        arguments: [
            ("tiny", 50), ("default", 1000), ("large", 50_000), ("0.25", 250), ("2", 2000), ("1.5", 1500), (" TINY ", 50),
        ])
    func scaleParsing(text: String, permille: Int) throws {
        #expect(try #require(Scale(parsing: text)).permille == permille)
    }

    @Test("Bad scales are rejected", arguments: ["", "huge", "-1", "0", "0.0001", "1e3", "1.2.3", "200"])
    func badScales(text: String) {
        #expect(Scale(parsing: text) == nil)
    }

    @Test("Scale names and factors print back", arguments: [(Scale.tiny, "tiny"), (Scale(permille: 250), "0.25"), (Scale(permille: 3000), "3")])
    func scaleDescription(scale: Scale, text: String) {
        #expect(scale.description == text)
    }

    @Test("Civil dates round-trip and weekdays are right")
    func civilTime() {
        for days in stride(from: -1000, to: 30000, by: 37) {
            let (y, m, d) = CivilTime.date(days: days)
            #expect(CivilTime.days(year: y, month: m, day: d) == days)
        }
        #expect(CivilTime.dateString(days: CivilTime.days(year: 2024, month: 2, day: 29)) == "2024-02-29")
        #expect(CivilTime.weekday(days: CivilTime.days(year: 2024, month: 1, day: 1)) == 0)  // a Monday
        #expect(CivilTime.timestampString(seconds: 1_700_000_000) == "2023-11-14 22:13:20")
    }
}

@Suite("The shop data looks like a shop")
struct RealismTests {
    @Test(
        "Structural facts hold at tiny scale",
        arguments: [
            ("anonymous sessions exist", "SELECT count(*) > 0 FROM sessions WHERE user_id IS NULL"),
            ("anonymous visitors never order", "SELECT count(*) = 0 FROM orders o JOIN sessions s USING (session_id) WHERE s.user_id IS NULL"),
            ("some countries are unknown", "SELECT count(*) > 0 FROM users WHERE country IS NULL"),
            ("the tracker sends duplicates", "SELECT count(*) > 0 FROM (SELECT 1 FROM events GROUP BY session_id, event_type, product_id, occurred_at HAVING count(*) > 1)"),
            ("podcast spends with no clicks", "SELECT count(*) > 0 AND max(clicks) = 0 FROM marketing_spend WHERE channel = 'podcast'"),
            ("no session comes from the podcast", "SELECT count(*) = 0 FROM sessions WHERE channel = 'podcast'"),
            ("paid_social spent nothing during its pause", "SELECT count(*) = 0 FROM marketing_spend WHERE channel = 'paid_social' AND spend_date BETWEEN '2024-07-15' AND '2024-07-28'"),
            ("no paid_social sessions during the pause", "SELECT count(*) = 0 FROM sessions WHERE channel = 'paid_social' AND date(started_at) BETWEEN '2024-07-15' AND '2024-07-28'"),
            ("no mobile sessions during the outage", "SELECT count(*) = 0 FROM sessions WHERE device = 'mobile' AND date(started_at) = '2025-03-09'"),
            ("every status occurs", "SELECT count(DISTINCT status) = 3 FROM orders"),
            ("totals add up", "SELECT count(*) = 0 FROM orders WHERE total_cents <> subtotal_cents - discount_cents + shipping_cents"),
            ("subtotals match the items", "SELECT count(*) = 0 FROM orders o JOIN (SELECT order_id, sum(quantity * unit_price_cents) s FROM order_items GROUP BY 1) i USING (order_id) WHERE i.s <> o.subtotal_cents"),
            ("orders happen inside their session's day", "SELECT count(*) = 0 FROM orders o JOIN sessions s USING (session_id) WHERE o.ordered_at < s.started_at OR o.user_id <> s.user_id"),
            ("sessions end after they start", "SELECT count(*) = 0 FROM sessions WHERE ended_at < started_at"),
            ("every timestamp is in the period", "SELECT min(started_at) >= '2024-01-01' AND max(started_at) < '2025-07-01' FROM sessions"),
            ("timestamps parse", "SELECT count(*) = 0 FROM orders WHERE datetime(ordered_at) IS NOT ordered_at"),
            ("no one signs up after their first session", "SELECT count(*) = 0 FROM users u JOIN sessions s USING (user_id) WHERE s.started_at < u.signup_at"),
            ("every experiment has assignments", "SELECT count(DISTINCT experiment_id) = 3 FROM experiment_assignments"),
            ("users are assigned once per experiment", "SELECT count(*) = 0 FROM (SELECT 1 FROM experiment_assignments GROUP BY experiment_id, user_id HAVING count(*) > 1)"),
            ("both membership plans exist", "SELECT count(DISTINCT plan) = 2 FROM memberships"),
            ("repeat buyers exist", "SELECT count(*) > 0 FROM (SELECT user_id FROM orders GROUP BY 1 HAVING count(*) > 1)"),
            // The rare rows that make the course's traps change answers.
            ("some lines sell below list price", "SELECT count(*) > 0 FROM order_items i JOIN products p USING (product_id) WHERE i.unit_price_cents < p.price_cents"),
            ("no line sells above list price", "SELECT count(*) = 0 FROM order_items i JOIN products p USING (product_id) WHERE i.unit_price_cents > p.price_cents"),
            ("some sessions have no page_view", "SELECT count(*) > 0 FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_type = 'page_view')"),
            ("some sessions view a product twice", "SELECT count(*) > 0 FROM (SELECT 1 FROM events WHERE event_type = 'product_view' GROUP BY session_id, product_id HAVING count(DISTINCT occurred_at) > 1)"),
            ("some sessions view two products of a category", "SELECT count(*) > 0 FROM (SELECT 1 FROM events JOIN products USING (product_id) WHERE event_type = 'product_view' GROUP BY session_id, category HAVING count(DISTINCT product_id) > 1)"),
            ("some month-end visits run past midnight", "SELECT count(*) > 0 FROM sessions WHERE date(ended_at) > date(started_at) AND date(started_at, '+1 day') = date(started_at, 'start of month', '+1 month')"),
            ("some events happen at 23:59:59", "SELECT count(*) > 0 FROM events WHERE time(occurred_at) = '23:59:59'"),
            ("nothing happens after the period", "SELECT (SELECT max(ended_at) FROM sessions) < '2025-07-01' AND (SELECT max(ordered_at) FROM orders) < '2025-07-01'"),
            ("no orders before checkout opened on 2024-01-03", "SELECT count(*) = 0 FROM orders WHERE ordered_at < '2024-01-03'"),
            ("a product costs exactly the free-shipping threshold", "SELECT count(*) = 1 FROM products WHERE price_cents = 5000"),
        ])
    func structure(_ fact: String, _ sql: String) throws {
        let db = try Datasets.connection(Datasets.tiny)
        #expect(try db.prepare(sql).scalar() == .integer(1), "\(fact)")
    }

    @Test("Planted effects are present at default scale")
    func plantedEffects() throws {
        let db = try Datasets.connection(Datasets.standard)
        func conversion(_ experiment: Int, _ variant: String, device: String? = nil) throws -> Double {
            let deviceFilter = device.map { "AND u.device = '\($0)'" } ?? ""
            return try db.double("""
                SELECT avg(converted) FROM (
                  SELECT a.user_id, max(o.order_id IS NOT NULL) AS converted
                  FROM experiment_assignments a JOIN experiments e USING (experiment_id) JOIN users u USING (user_id)
                  LEFT JOIN orders o ON o.user_id = a.user_id AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at
                  WHERE a.experiment_id = \(experiment) AND a.variant = '\(variant)' \(deviceFilter)
                  GROUP BY a.user_id)
                """)
        }
        /// The pooled two-proportion z-score of treatment vs control.
        func zScore(_ experiment: Int) throws -> Double {
            try db.double("""
                WITH u AS (
                  SELECT a.variant, max(o.order_id IS NOT NULL) AS converted
                  FROM experiment_assignments a JOIN experiments e USING (experiment_id)
                  LEFT JOIN orders o ON o.user_id = a.user_id AND o.ordered_at >= a.assigned_at AND o.ordered_at <= e.ended_at
                  WHERE a.experiment_id = \(experiment) GROUP BY a.user_id),
                s AS (SELECT sum(variant = 'treatment') AS nt, sum(variant = 'control') AS nc,
                             1.0 * sum(converted * (variant = 'treatment')) AS xt, 1.0 * sum(converted * (variant = 'control')) AS xc FROM u)
                SELECT (xt / nt - xc / nc) / sqrt(((xt + xc) / (nt + nc)) * (1 - (xt + xc) / (nt + nc)) * (1.0 / nt + 1.0 / nc)) FROM s
                """)
        }
        let lift1 = try conversion(1, "treatment") / conversion(1, "control") - 1
        #expect(lift1 > 0.05, "experiment 1 has a real lift")
        #expect(try zScore(1) > 2.576, "and it is significant at p < 0.01 at default scale")
        let mobileLift = try conversion(1, "treatment", device: "mobile") / conversion(1, "control", device: "mobile") - 1
        let desktopLift = try conversion(1, "treatment", device: "desktop") / conversion(1, "control", device: "desktop") - 1
        #expect(mobileLift > desktopLift, "the lift is larger on mobile")
        #expect(try abs(zScore(2)) < 1.96, "experiment 2 has no significant effect")
        #expect(try abs(zScore(3)) < 1.96, "experiment 3 moves conversion neither way")
        let share3 = try db.double("SELECT avg(variant = 'treatment') FROM experiment_assignments WHERE experiment_id = 3")
        #expect(share3 > 0.52, "experiment 3 has a sample-ratio mismatch")
        let share1 = try db.double("SELECT avg(variant = 'treatment') FROM experiment_assignments WHERE experiment_id = 1")
        #expect(abs(share1 - 0.5) < 0.02)

        #expect(try db.double("SELECT count(*) FROM users WHERE signup_at >= '2024-12-31 23:59:00' AND signup_at < '2025-01-01'") > 0,
                "someone signs up in the last minute of 2024")

        // Weekly seasonality: weekdays busier than weekends.
        let weekday = try db.double("SELECT count(*) / 5.0 FROM sessions WHERE strftime('%w', started_at) BETWEEN '1' AND '5'")
        let weekend = try db.double("SELECT count(*) / 2.0 FROM sessions WHERE strftime('%w', started_at) IN ('0', '6')")
        #expect(weekday > weekend * 1.05)
        // Growth: the last quarter is busier than the first.
        let first = try db.double("SELECT count(*) FROM sessions WHERE started_at < '2024-04-01'")
        let last = try db.double("SELECT count(*) FROM sessions WHERE started_at >= '2025-04-01'")
        #expect(last > first * 1.3)

        // Channels differ in conversion and in cost per order.
        let conversionBy = { (channel: String) in
            try db.double("SELECT 1.0 * count(o.order_id) / count(*) FROM sessions s LEFT JOIN orders o USING (session_id) WHERE s.channel = '\(channel)' AND s.user_id IS NOT NULL")
        }
        #expect(try conversionBy("email") > conversionBy("paid_social") * 1.5)
        #expect(try conversionBy("paid_social") > conversionBy("display") * 1.5)
        let cpo = { (channel: String) in
            try db.double("""
                SELECT (SELECT sum(spend_cents) FROM marketing_spend WHERE channel = '\(channel)') * 1.0 /
                       (SELECT count(*) FROM orders o JOIN sessions s USING (session_id) WHERE s.channel = '\(channel)')
                """)
        }
        #expect(try cpo("paid_social") > cpo("paid_search"))
        #expect(try db.double("SELECT 1.0 * sum(clicks) / sum(impressions) FROM marketing_spend WHERE campaign = 'search_brand'")
            > db.double("SELECT 1.0 * sum(clicks) / sum(impressions) FROM marketing_spend WHERE campaign = 'display_awareness'") * 5)

        // Retention decays, and differs by acquisition channel.
        let activeOnDay = { (day: Int, channel: String) in
            try db.double("""
                SELECT avg(EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.user_id AND date(s.started_at) = date(u.signup_at, '+\(day) days')))
                FROM users u WHERE u.signup_at < '2025-05-01' AND u.channel = '\(channel)'
                """)
        }
        #expect(try activeOnDay(1, "organic") > activeOnDay(30, "organic"))
        #expect(try activeOnDay(7, "referral") > activeOnDay(7, "display"))

        // Refunds: apparel most.
        let refundRate = { (category: String) in
            try db.double("""
                SELECT avg(o.status = 'refunded') FROM orders o
                WHERE EXISTS (SELECT 1 FROM order_items i JOIN products p USING (product_id) WHERE i.order_id = o.order_id AND p.category = '\(category)')
                """)
        }
        #expect(try refundRate("apparel") > refundRate("books") * 1.5)
    }
}

@Suite("Data dictionary and CSV")
struct DictionaryTests {
    @Test("Every column has a meaning and every table a description")
    func meanings() {
        for table in ShopSchema.tables {
            #expect(!table.meaning.isEmpty)
            for column in table.columns { #expect(!column.meaning.isEmpty, "\(table.name).\(column.name)") }
        }
    }

    @Test("CSV fields are quoted per RFC 4180")
    func csvQuoting() {
        var out: [UInt8] = []
        CSV.appendLine(["plain", "with,comma", "say \"hi\"", "two\nlines", ""], to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "plain,\"with,comma\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n")
    }
}
