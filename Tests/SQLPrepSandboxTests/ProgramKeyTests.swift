import SQLPrepSandbox
import SQLiteKit
import Testing

/// Grading reuses one statement's result for another only when SQLite compiles both to the same
/// program with the same literals, and never when the program can give different results on the
/// same data. Each pair is run for real: a pair that shares a key must give the same rows.
@Suite("Program keys")
struct ProgramKeyTests {
    struct Pair: CustomTestStringConvertible, Sendable {
        let name: String
        let a: String
        let b: String
        var testDescription: String { name }
    }

    static func key(_ sql: String, _ sandbox: Sandbox) throws -> (ProgramKey?, QueryResult?) {
        let query = try sandbox.admitQuery(sql: sql).get()
        var seen: ProgramKey?
        let run = sandbox.run(query) { key in seen = key; return nil }
        #expect(seen == run.key && !run.reused)
        return (run.key, try? run.outcome.get())
    }

    static let same: [Pair] = [
        Pair(name: "aliases", a: "SELECT o.status, count(*) AS n FROM orders o GROUP BY o.status ORDER BY 2 DESC",
             b: "SELECT x.status, count(*) AS orders FROM orders AS x GROUP BY x.status ORDER BY 2 DESC"),
        Pair(name: "keyword case and whitespace", a: "select status, count(*) from orders group by status",
             b: "SELECT   status ,\n\tCOUNT(*)\nFROM Orders\nGROUP  BY STATUS"),
        Pair(name: "comments inside", a: "SELECT status FROM orders WHERE status = 'completed'",
             b: "SELECT /* mine */ status -- the state\nFROM orders WHERE status = 'completed'"),
        Pair(name: "quoted names", a: "SELECT user_id FROM orders", b: "SELECT \"user_id\" FROM [orders]"),
        Pair(name: "dates from the data", a: "SELECT strftime('%Y-%m', ordered_at) AS m, count(*) FROM orders GROUP BY 1",
             b: "SELECT STRFTIME('%Y-%m', o.ordered_at) month, COUNT(*) FROM orders o GROUP BY 1"),
    ]

    static let different: [Pair] = [
        Pair(name: "integer literal", a: "SELECT count(*) FROM orders WHERE user_id > 10", b: "SELECT count(*) FROM orders WHERE user_id > 11"),
        Pair(name: "real literals SQLite shows alike", a: "SELECT 1.0000000000000002 FROM users LIMIT 1", b: "SELECT 1.0000000000000004 FROM users LIMIT 1"),
        Pair(name: "the same number written differently", a: "SELECT 0.1 FROM users LIMIT 1", b: "SELECT 0.10 FROM users LIMIT 1"),
        Pair(name: "string literal", a: "SELECT count(*) FROM orders WHERE status = 'completed'", b: "SELECT count(*) FROM orders WHERE status = 'refunded'"),
        Pair(name: "blob literal", a: "SELECT x'00' FROM users LIMIT 1", b: "SELECT x'0001' FROM users LIMIT 1"),
        Pair(name: "function", a: "SELECT max(user_id) FROM orders", b: "SELECT min(user_id) FROM orders"),
        Pair(name: "collation", a: "SELECT country FROM users ORDER BY country", b: "SELECT country FROM users ORDER BY country COLLATE NOCASE"),
        Pair(name: "comparison collation", a: "SELECT count(*) FROM users WHERE country = 'de'",
             b: "SELECT count(*) FROM users WHERE country = 'de' COLLATE NOCASE"),
        Pair(name: "sort order", a: "SELECT user_id FROM orders ORDER BY 1", b: "SELECT user_id FROM orders ORDER BY 1 DESC"),
        Pair(name: "column", a: "SELECT user_id FROM orders", b: "SELECT session_id FROM orders"),
    ]

    /// Statements that must get no key at all: their result is not a function of the data.
    static let never: [String] = [
        "SELECT random() FROM users LIMIT 1",
        "SELECT hex(randomblob(4)) FROM users LIMIT 1",
        "SELECT date('now') FROM users LIMIT 1",
        "SELECT date('NOW', '-1 day') FROM users LIMIT 1",
        "SELECT date() FROM users LIMIT 1",
        "SELECT datetime('n' || 'ow') FROM users LIMIT 1",
        "SELECT julianday(lower('NOW')) FROM users LIMIT 1",
        "SELECT current_timestamp FROM users LIMIT 1",
        "SELECT current_date FROM users LIMIT 1",
        "SELECT changes() FROM users LIMIT 1",
        "SELECT total_changes() FROM users LIMIT 1",
        "SELECT last_insert_rowid() FROM users LIMIT 1",
        "SELECT count(*) FROM users WHERE signup_at < datetime('now')",
    ]

    @Test("Statements written differently that compute the same thing share a key, and give the same rows", arguments: same)
    func sharesKey(_ pair: Pair) throws {
        let sandbox = try Fixture.sandbox()
        let (a, rowsA) = try Self.key(pair.a, sandbox), (b, rowsB) = try Self.key(pair.b, sandbox)
        #expect(a != nil && a == b)
        #expect(rowsA?.rows == rowsB?.rows && rowsA != nil)
    }

    @Test("Statements that can compute different things never share a key", arguments: different)
    func differentKeys(_ pair: Pair) throws {
        let sandbox = try Fixture.sandbox()
        let (a, _) = try Self.key(pair.a, sandbox), (b, _) = try Self.key(pair.b, sandbox)
        #expect(a != nil && b != nil && a != b)
    }

    @Test("Statements whose result depends on the clock, chance or the connection get no key (or are refused outright)", arguments: never)
    func noKey(_ sql: String) throws {
        let sandbox = try Fixture.sandbox()
        let (key, _) = try Self.key(sql, sandbox)
        #expect(key == nil)
    }

    @Test("A reused result carries the learner's own column names")
    func ownColumnNames() throws {
        let sandbox = try Fixture.sandbox()
        let first = try sandbox.run(sandbox.admitQuery(sql: "SELECT status, count(*) AS n FROM orders GROUP BY 1").get()) { _ in nil }
        let kept = first.outcome
        let second = try sandbox.run(sandbox.admitQuery(sql: "SELECT o.status AS state, COUNT(*) FROM orders o GROUP BY 1").get()) { key in
            key == first.key ? kept : nil
        }
        #expect(second.reused)
        #expect(try second.outcome.get().columns == ["state", "COUNT(*)"])
        #expect(try second.outcome.get().rows == kept.get().rows)
    }
}
