import SQLiteKit

/// Inserts generated rows into SQLite: one prepared INSERT per table, inside one transaction.
///
/// Text is bound with `SQLITE_STATIC` from buffers that outlive the step: vocabulary words are
/// interned once in ``TextPool``; timestamps are formatted into two scratch buffers owned by the
/// sink. This is what keeps the loader level with a plain C loop (see BENCHMARKS.md).
struct SQLiteShopSink: ShopRowSink {
    private let products, experiments, users, sessions, events, orders, orderItems, assignments, memberships, spend: Statement
    private typealias V = ShopVocabulary
    private let countries = InternedWords(V.countries), channels = InternedWords(V.sessionChannels)
    private let devices = InternedWords(V.devices), campaigns = InternedWords(V.campaigns)
    private let campaignChannels = InternedWords(V.campaignChannel), landingPages = InternedWords(V.landingPages)
    private let eventTypes = InternedWords(V.eventTypes), statuses = InternedWords(V.orderStatuses)
    private let coupons = InternedWords(V.coupons), variants = InternedWords(V.variants), plans = InternedWords(V.plans)
    private let scratchA = UnsafeMutableRawPointer.allocate(byteCount: 32, alignment: 8)
    private let scratchB = UnsafeMutableRawPointer.allocate(byteCount: 32, alignment: 8)
    /// The generator's period plus a year on each side (memberships may end after it).
    private let days = DayTable(firstDay: ShopGenerator.firstDay - 366, dayCount: ShopGenerator.dayCount + 2 * 366)

    init(connection: Connection) throws {
        func insert(_ table: String) throws -> Statement {
            let schema = ShopSchema.table(named: table)!
            let marks = Array(repeating: "?", count: schema.columns.count).joined(separator: ", ")
            return try connection.prepare("INSERT INTO \(table) VALUES (\(marks))")
        }
        products = try insert("products")
        experiments = try insert("experiments")
        users = try insert("users")
        sessions = try insert("sessions")
        events = try insert("events")
        orders = try insert("orders")
        orderItems = try insert("order_items")
        assignments = try insert("experiment_assignments")
        memberships = try insert("memberships")
        spend = try insert("marketing_spend")
    }

    /// Frees the scratch buffers; call once after the last row.
    func close() {
        scratchA.deallocate()
        scratchB.deallocate()
        days.deallocate()
        for words in [countries, channels, devices, campaigns, campaignChannels, landingPages, eventTypes, statuses, coupons, variants, plans] {
            words.deallocate()
        }
    }

    @inline(__always)
    private func word(_ statement: Statement, _ index: Int32, _ words: InternedWords, _ choice: Int) {
        if choice < 0 { statement.bindNull(at: index) } else { statement.bindText(words[choice], at: index) }
    }

    @inline(__always)
    private func timestamp(_ statement: Statement, _ index: Int32, _ seconds: Int64, _ scratch: UnsafeMutableRawPointer) {
        days.writeTimestamp(seconds, into: scratch)
        statement.bindText(UnsafeRawBufferPointer(start: scratch, count: 19), at: index)
    }

    @inline(__always)
    private func optionalID(_ statement: Statement, _ index: Int32, _ id: Int64) {
        if id == 0 { statement.bindNull(at: index) } else { statement.bindInt(id, at: index) }
    }

    mutating func product(_ row: ProductRow) throws {
        try products.bind([
            .integer(row.id), .text(row.name), .text(V.categories[row.category]),
            .integer(row.price), .integer(row.cost),
        ])
        try products.stepDone()
    }

    mutating func experiment(_ row: ExperimentRow) throws {
        try experiments.bind([
            .integer(row.id), .text(row.name), .text(row.hypothesis),
            .text(CivilTime.timestampString(seconds: Int64(row.startDay) * 86_400)),
            .text(CivilTime.timestampString(seconds: Int64(row.endDay) * 86_400 + 86_399)),
            .text(row.plannedSplit),
        ])
        try experiments.stepDone()
    }

    mutating func user(_ row: UserRow) throws {
        users.bindInt(row.id, at: 1)
        timestamp(users, 2, row.signupAt, scratchA)
        word(users, 3, countries, row.country)
        word(users, 4, channels, row.channel)
        word(users, 5, devices, row.device)
        try users.stepDone()
    }

    mutating func session(_ row: SessionRow) throws {
        sessions.bindInt(row.id, at: 1)
        optionalID(sessions, 2, row.userID)
        timestamp(sessions, 3, row.startedAt, scratchA)
        timestamp(sessions, 4, row.endedAt, scratchB)
        word(sessions, 5, devices, row.device)
        word(sessions, 6, channels, row.channel)
        word(sessions, 7, campaigns, row.campaign)
        word(sessions, 8, landingPages, row.landingPage)
        sessions.bindInt(Int64(row.pageViews), at: 9)
        try sessions.stepDone()
    }

    mutating func event(_ row: EventRow) throws {
        events.bindInt(row.id, at: 1)
        events.bindInt(row.sessionID, at: 2)
        optionalID(events, 3, row.userID)
        word(events, 4, eventTypes, row.type)
        optionalID(events, 5, row.productID)
        timestamp(events, 6, row.occurredAt, scratchA)
        try events.stepDone()
    }

    mutating func order(_ row: OrderRow) throws {
        orders.bindInt(row.id, at: 1)
        orders.bindInt(row.userID, at: 2)
        orders.bindInt(row.sessionID, at: 3)
        timestamp(orders, 4, row.orderedAt, scratchA)
        word(orders, 5, statuses, row.status)
        orders.bindInt(row.subtotal, at: 6)
        orders.bindInt(row.discount, at: 7)
        orders.bindInt(row.shipping, at: 8)
        orders.bindInt(row.total, at: 9)
        word(orders, 10, coupons, row.coupon)
        try orders.stepDone()
    }

    mutating func orderItem(_ row: OrderItemRow) throws {
        orderItems.bindInt(row.orderID, at: 1)
        orderItems.bindInt(row.productID, at: 2)
        orderItems.bindInt(row.quantity, at: 3)
        orderItems.bindInt(row.unitPrice, at: 4)
        try orderItems.stepDone()
    }

    mutating func assignment(_ row: AssignmentRow) throws {
        assignments.bindInt(row.experimentID, at: 1)
        assignments.bindInt(row.userID, at: 2)
        word(assignments, 3, variants, row.variant)
        timestamp(assignments, 4, row.assignedAt, scratchA)
        try assignments.stepDone()
    }

    mutating func membership(_ row: MembershipRow) throws {
        memberships.bindInt(row.id, at: 1)
        memberships.bindInt(row.userID, at: 2)
        word(memberships, 3, plans, row.plan)
        memberships.bindInt(row.price, at: 4)
        timestamp(memberships, 5, row.startedAt, scratchA)
        if row.cancelledAt < 0 { memberships.bindNull(at: 6) } else { timestamp(memberships, 6, row.cancelledAt, scratchB) }
        try memberships.stepDone()
    }

    mutating func spend(_ row: SpendRow) throws {
        CivilTime.writeDate(days: row.day, into: scratchA)
        spend.bindText(UnsafeRawBufferPointer(start: scratchA, count: 10), at: 1)
        spend.bindText(campaignChannels[row.campaign], at: 2)
        word(spend, 3, campaigns, row.campaign)
        spend.bindInt(row.impressions, at: 4)
        spend.bindInt(row.clicks, at: 5)
        spend.bindInt(row.spend, at: 6)
        try spend.stepDone()
    }
}

/// Vocabulary words as UTF-8 bytes that live until ``deallocate()``, for `SQLITE_STATIC` binding.
/// Raw pointers only, so passing it around costs no reference counting in the hot loop.
struct InternedWords {
    private let words: UnsafeMutablePointer<UnsafeRawBufferPointer>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        words = .allocate(capacity: max(1, count))
        for (index, word) in strings.enumerated() {
            let bytes = Array(word.utf8)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
            buffer.copyBytes(from: bytes)
            (words + index).initialize(to: UnsafeRawBufferPointer(start: buffer.baseAddress, count: bytes.count))
        }
    }

    @inline(__always)
    subscript(index: Int) -> UnsafeRawBufferPointer { words[index] }

    func deallocate() {
        for index in 0..<count { UnsafeMutableRawPointer(mutating: words[index].baseAddress)?.deallocate() }
        words.deallocate()
    }
}

/// `YYYY-MM-DD` for every day the generator can produce, formatted once: timestamps then only
/// need their time of day written (the calendar arithmetic was a fifth of the loader's time).
struct DayTable {
    let firstDay: Int
    let dayCount: Int
    private let bytes: UnsafeMutableRawPointer

    init(firstDay: Int, dayCount: Int) {
        self.firstDay = firstDay
        self.dayCount = dayCount
        bytes = .allocate(byteCount: dayCount * 10, alignment: 8)
        for offset in 0..<dayCount { CivilTime.writeDate(days: firstDay + offset, into: bytes + offset * 10) }
    }

    /// Writes `YYYY-MM-DD HH:MM:SS` for `seconds` into `out`.
    @inline(__always)
    func writeTimestamp(_ seconds: Int64, into out: UnsafeMutableRawPointer) {
        let offset = Int(seconds / 86_400) - firstDay
        guard offset >= 0 && offset < dayCount else {
            CivilTime.writeTimestamp(seconds, into: out)
            return
        }
        out.copyMemory(from: bytes + offset * 10, byteCount: 10)
        CivilTime.writeTime(Int(seconds % 86_400), into: out)
    }

    func deallocate() { bytes.deallocate() }
}
