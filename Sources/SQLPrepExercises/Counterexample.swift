import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepSandbox

/// A tiny database on which the learner's query and the reference disagree, with both results.
public struct Counterexample: Sendable {
    public struct Table: Sendable {
        public let name: String
        public let columns: [String]
        public let rows: [[Value]]
    }

    /// The remaining rows, per table (tables with no rows left out).
    public let tables: [Table]
    public let reference: QueryResult
    public let learner: QueryResult
    /// How many candidate databases were tried, and how long the search took.
    public let runs: Int
    public let milliseconds: Double
    /// True when the time budget or the run cap ended the search before it could shrink further.
    public let budgetExhausted: Bool

    public var rowCount: Int { tables.map(\.rows.count).reduce(0, +) }
}

/// Searches for the smallest sub-database of a dataset on which two queries disagree (after the
/// idea of RATest): grow a random sample of whole users until the queries disagree, then delta-debug
/// (remove halves, quarters, … single units while the disagreement persists), first over whole
/// users, anonymous visits, spend rows, products and experiments, then over single rows. Rows stay
/// consistent: a row whose parent (its session, order or user) is gone is dropped with it.
///
/// Both queries run in the sandbox on every candidate. The search is bounded by a time budget and a
/// cap on candidate runs, and is deterministic for the same inputs (its random sample is seeded by
/// the two queries' text).
public struct CounterexampleSearch {
    public let exercise: Exercise
    public let learnerSQL: String
    public let image: DatabaseImage
    public var budget: Duration = .seconds(2)
    public var maxRuns = 600

    public init(exercise: Exercise, learnerSQL: String, image: DatabaseImage, budget: Duration = .seconds(2)) {
        self.exercise = exercise
        self.learnerSQL = learnerSQL
        self.image = image
        self.budget = budget
    }

    /// One unit of the search: a set of rows that come and go together.
    struct Unit: Hashable, Sendable {
        var rows: [RowRef]
    }

    struct RowRef: Hashable, Sendable {
        let table: Int
        let rowid: Int64
    }

    /// A child table's link to its parent: rows whose parent is absent are dropped.
    struct Link {
        let child: String
        let column: String
        let parent: String
        let parentKey: String
    }

    static let links: [Link] = [
        Link(child: "sessions", column: "user_id", parent: "users", parentKey: "user_id"),
        Link(child: "events", column: "session_id", parent: "sessions", parentKey: "session_id"),
        Link(child: "orders", column: "session_id", parent: "sessions", parentKey: "session_id"),
        Link(child: "orders", column: "user_id", parent: "users", parentKey: "user_id"),
        Link(child: "order_items", column: "order_id", parent: "orders", parentKey: "order_id"),
        Link(child: "experiment_assignments", column: "user_id", parent: "users", parentKey: "user_id"),
        Link(child: "memberships", column: "user_id", parent: "users", parentKey: "user_id"),
    ]

    /// What the search needs to know about a dataset, computed once per image and shared by every
    /// search on it: each row's parents, and the groups of rows that belong together.
    public final class Index: Sendable {
        let image: DatabaseImage
        let tables: [String]
        let parentsOf: [RowRef: [RowRef]]
        let userGroups: [Unit]
        let anonymousGroups: [Unit]
        let fixed: [Unit]

        public init(image: DatabaseImage) throws {
            self.image = image
            let source = try Connection.inMemory()
            try source.attachReadOnly(image)
            let tables = ShopSchema.tables.map(\.name)
            self.tables = tables
            let tableIndex = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1, $0) })
            func ids(_ sql: String) throws -> [[Int64]] {
                try source.prepare(sql).allRows().map { row in row.map { if case .integer(let v) = $0 { v } else { -1 } } }
            }
            var parentsOf: [RowRef: [RowRef]] = [:]
            for link in CounterexampleSearch.links {
                let pairs = try ids("SELECT c.rowid, p.rowid FROM \(link.child) c JOIN \(link.parent) p ON p.\(link.parentKey) = c.\(link.column)")
                for pair in pairs {
                    parentsOf[RowRef(table: tableIndex[link.child]!, rowid: pair[0]), default: []].append(RowRef(table: tableIndex[link.parent]!, rowid: pair[1]))
                }
            }
            self.parentsOf = parentsOf

            // A user with everything that hangs off them; an anonymous visit with its events; each
            // spend row, product and experiment on its own.
            var byUser: [Int64: [RowRef]] = [:]
            for (table, column) in [("sessions", "user_id"), ("orders", "user_id"), ("experiment_assignments", "user_id"), ("memberships", "user_id")] {
                for pair in try ids("SELECT rowid, \(column) FROM \(table) WHERE \(column) IS NOT NULL") {
                    byUser[pair[1], default: []].append(RowRef(table: tableIndex[table]!, rowid: pair[0]))
                }
            }
            var bySession: [Int64: [RowRef]] = [:]
            for pair in try ids("SELECT rowid, session_id FROM events") {
                bySession[pair[1], default: []].append(RowRef(table: tableIndex["events"]!, rowid: pair[0]))
            }
            var byOrder: [Int64: [RowRef]] = [:]
            for pair in try ids("SELECT rowid, order_id FROM order_items") {
                byOrder[pair[1], default: []].append(RowRef(table: tableIndex["order_items"]!, rowid: pair[0]))
            }
            let sessionIDs = Dictionary(uniqueKeysWithValues: try ids("SELECT rowid, session_id FROM sessions").map { ($0[0], $0[1]) })
            let orderIDs = Dictionary(uniqueKeysWithValues: try ids("SELECT rowid, order_id FROM orders").map { ($0[0], $0[1]) })
            var userGroups: [Unit] = []
            for pair in try ids("SELECT rowid, user_id FROM users ORDER BY user_id") {
                var rows = [RowRef(table: tableIndex["users"]!, rowid: pair[0])]
                for row in byUser[pair[1]] ?? [] {
                    rows.append(row)
                    if row.table == tableIndex["sessions"]!, let session = sessionIDs[row.rowid] { rows += bySession[session] ?? [] }
                    if row.table == tableIndex["orders"]!, let order = orderIDs[row.rowid] { rows += byOrder[order] ?? [] }
                }
                userGroups.append(Unit(rows: rows))
            }
            self.userGroups = userGroups
            anonymousGroups = try ids("SELECT rowid, session_id FROM sessions WHERE user_id IS NULL").map {
                Unit(rows: [RowRef(table: tableIndex["sessions"]!, rowid: $0[0])] + (bySession[$0[1]] ?? []))
            }
            var fixed: [Unit] = []
            for table in ["marketing_spend", "products", "experiments"] {
                for id in try ids("SELECT rowid FROM \(table) ORDER BY rowid") {
                    fixed.append(Unit(rows: [RowRef(table: tableIndex[table]!, rowid: id[0])]))
                }
            }
            self.fixed = fixed
        }
    }

    public func run() throws -> Counterexample? {
        try run(index: Index(image: image))
    }

    public func run(index: Index) throws -> Counterexample? {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + budget
        let source = try Connection.inMemory()
        try source.attachReadOnly(index.image)
        let tables = index.tables
        let parentsOf = index.parentsOf
        var userGroups = index.userGroups
        var anonymousGroups = index.anonymousGroups
        let fixed = index.fixed
        var runs = 0
        var exhausted = false

        // Deterministic shuffles, seeded by the two queries.
        var hash = FNV1a64()
        hash.add(exercise.solution)
        hash.add(learnerSQL)
        var rng = SplitMix64(seed: hash.value)
        func shuffled(_ units: [Unit]) -> [Unit] {
            var copy = units
            for index in stride(from: copy.count - 1, to: 0, by: -1) { copy.swapAt(index, rng.below(index + 1)) }
            return copy
        }
        userGroups = shuffled(userGroups)
        anonymousGroups = shuffled(anonymousGroups)

        let comparison = ResultComparison(contract: exercise.contract)
        var best: (units: [Unit], reference: QueryResult, learner: QueryResult)?

        /// Builds the candidate, runs both queries, and says whether they disagree.
        func disagrees(_ units: [Unit]) throws -> (QueryResult, QueryResult)? {
            if clock.now >= deadline || runs >= maxRuns { exhausted = true; return nil }
            runs += 1
            let image = try build(consistent(units, parentsOf: parentsOf), source: source, tables: tables)
            var limits = SandboxLimits()
            limits.timeMilliseconds = 1000
            let sandbox = Sandbox(image: image, limits: limits)
            guard case .success(let reference) = sandbox.run(sql: exercise.solution),
                  case .success(let learner) = sandbox.run(sql: learnerSQL) else { return nil }
            return comparison.compare(expected: reference, actual: learner).passed ? nil : (reference, learner)
        }

        // Phase 1: grow a sample of users and visits until the queries disagree.
        var k = 1
        while best == nil && !exhausted {
            let units = Array(userGroups.prefix(k)) + Array(anonymousGroups.prefix(k)) + fixed
            if let (reference, learner) = try disagrees(units) { best = (units, reference, learner) }
            if k >= max(userGroups.count, anonymousGroups.count) { break }
            k *= 2
        }
        guard var found = best else { return nil }

        // Phase 2: delta debugging over whole groups, then over single rows.
        func ddmin(_ units: [Unit]) throws -> [Unit] {
            var current = units
            var granularity = 2
            while current.count >= 2 && !exhausted {
                let chunk = (current.count + granularity - 1) / granularity
                var reduced = false
                for start in stride(from: 0, to: current.count, by: chunk) {
                    let complement = Array(current[..<start]) + Array(current[min(current.count, start + chunk)...])
                    if complement.isEmpty { continue }
                    if let (reference, learner) = try disagrees(complement) {
                        current = complement
                        found = (current, reference, learner)
                        granularity = max(granularity - 1, 2)
                        reduced = true
                        break
                    }
                    if exhausted { break }
                }
                if !reduced {
                    if granularity >= current.count { break }
                    granularity = min(current.count, granularity * 2)
                }
            }
            return current
        }
        let groupsLeft = try ddmin(found.units)
        let singleRows = Array(Set(groupsLeft.flatMap(\.rows))).sorted { ($0.table, $0.rowid) < ($1.table, $1.rowid) }.map { Unit(rows: [$0]) }
        _ = try ddmin(consistentUnits(singleRows, parentsOf: parentsOf))

        // The result: the rows left, table by table.
        let finalRows = consistent(found.units, parentsOf: parentsOf)
        var output: [Counterexample.Table] = []
        for (index, table) in tables.enumerated() {
            let rowids = finalRows.filter { $0.table == index }.map(\.rowid).sorted()
            guard !rowids.isEmpty else { continue }
            let statement = try source.prepare("SELECT * FROM \(table) WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid")
            try statement.bind([.text("[" + rowids.map(String.init).joined(separator: ",") + "]")])
            output.append(Counterexample.Table(name: table, columns: statement.columnNames, rows: try statement.allRows()))
        }
        let elapsed = clock.now - start
        return Counterexample(
            tables: output, reference: found.reference, learner: found.learner, runs: runs,
            milliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
            budgetExhausted: exhausted)
    }

    /// The rows of `units`, without rows whose parent is missing (repeated until stable).
    func consistent(_ units: [Unit], parentsOf: [RowRef: [RowRef]]) -> Set<RowRef> {
        var rows = Set(units.flatMap(\.rows))
        var changed = true
        while changed {
            changed = false
            for row in rows where !(parentsOf[row] ?? []).allSatisfy(rows.contains) {
                rows.remove(row)
                changed = true
            }
        }
        return rows
    }

    /// Single-row units, parents first, so that removing a parent is tried before its children.
    func consistentUnits(_ units: [Unit], parentsOf: [RowRef: [RowRef]]) -> [Unit] {
        units.sorted { a, b in
            let depthA = parentsOf[a.rows[0]]?.count ?? 0, depthB = parentsOf[b.rows[0]]?.count ?? 0
            return depthA != depthB ? depthA < depthB : (a.rows[0].table, a.rows[0].rowid) < (b.rows[0].table, b.rows[0].rowid)
        }
    }

    /// A new database with the schema and just `rows`, serialized for the sandbox.
    func build(_ rows: Set<RowRef>, source: Connection, tables: [String]) throws -> DatabaseImage {
        let candidate = try Connection.inMemory()
        try candidate.execute("PRAGMA journal_mode = OFF")
        for table in ShopSchema.tables { try candidate.execute(table.createStatement) }
        try candidate.execute("BEGIN")
        var byTable: [Int: [Int64]] = [:]
        for row in rows { byTable[row.table, default: []].append(row.rowid) }
        for (index, ids) in byTable {
            let select = try source.prepare("SELECT * FROM \(tables[index]) WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid")
            try select.bind([.text("[" + ids.sorted().map(String.init).joined(separator: ",") + "]")])
            let columns = select.columnCount
            let insert = try candidate.prepare("INSERT INTO \(tables[index]) VALUES (\(Array(repeating: "?", count: columns).joined(separator: ", ")))")
            try select.step { row in
                try insert.bind(row.values)
                try insert.stepDone()
                return true
            }
        }
        try candidate.execute("COMMIT")
        for table in ShopSchema.tables {
            for statement in table.indexStatements { try candidate.execute(statement) }
        }
        return try candidate.serialize()
    }
}
