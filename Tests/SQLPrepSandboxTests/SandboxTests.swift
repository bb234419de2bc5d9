import SQLPrepData
import SQLPrepSandbox
import SQLiteKit
import Testing

enum Fixture {
    static let image = Result { try ShopDataset.build(DatasetSpec(scale: .tiny)) }
    /// Row counts of every table and the schema, as seen through the sandbox.
    static func fingerprint(_ sandbox: Sandbox) throws -> [[Value]] {
        let counts = ShopSchema.tables.map { "(SELECT count(*) FROM \($0.name))" }.joined(separator: ", ")
        let rows = try sandbox.run(sql: "SELECT \(counts)").get().rows
        return rows + (try sandbox.run(sql: "SELECT type, name, sql FROM sqlite_schema ORDER BY name").get().rows)
    }

    static func sandbox(_ limits: SandboxLimits = SandboxLimits()) throws -> Sandbox {
        Sandbox(image: try image.get(), limits: limits)
    }
}

struct Refusal: CustomTestStringConvertible, Sendable {
    let category: String
    let sql: String
    let reason: QueryFailure.Reason
    /// Words the message must contain (case-insensitive).
    let mentions: String
    var testDescription: String { category }
}

@Suite("Sandbox")
struct SandboxTests {
    @Test("A plain SELECT returns columns and rows")
    func select() throws {
        let result = try Fixture.sandbox().run(sql: "SELECT channel, count(*) AS n FROM users GROUP BY 1 ORDER BY 1").get()
        #expect(result.columns == ["channel", "n"])
        #expect(result.rows.count == 5)
    }

    @Test("WITH … SELECT, VALUES and table-valued JSON functions run")
    func otherReadOnlyForms() throws {
        let sandbox = try Fixture.sandbox()
        #expect(try sandbox.run(sql: "WITH t AS (SELECT 1 AS x) SELECT x FROM t").get().rows == [[.integer(1)]])
        #expect(try sandbox.run(sql: "VALUES (1, 'a'), (2, 'b')").get().rows.count == 2)
        #expect(try sandbox.run(sql: "SELECT value FROM json_each('[1,2,3]')").get().rows.count == 3)
        #expect(try sandbox.run(sql: "SELECT name FROM pragma_table_info('orders')").get().rows.count == 10)
        #expect(try sandbox.run(sql: "SELECT name FROM sqlite_schema WHERE type = 'table'").get().rows.count >= 10)
    }

    static let refusals: [Refusal] = [
        Refusal(category: "DELETE", sql: "DELETE FROM orders", reason: .refused, mentions: "DELETE on orders"),
        Refusal(category: "UPDATE", sql: "UPDATE users SET country = 'US'", reason: .refused, mentions: "UPDATE on users"),
        Refusal(category: "INSERT", sql: "INSERT INTO products VALUES (999, 'x', 'toys', 1, 1)", reason: .refused, mentions: "INSERT on products"),
        Refusal(category: "DROP TABLE", sql: "DROP TABLE orders", reason: .refused, mentions: "DROP TABLE on orders"),
        Refusal(category: "CREATE TABLE", sql: "CREATE TABLE t(x)", reason: .refused, mentions: "CREATE TABLE"),
        Refusal(category: "CREATE TEMP VIEW", sql: "CREATE TEMP VIEW v AS SELECT 1", reason: .refused, mentions: "CREATE VIEW"),
        Refusal(category: "CREATE INDEX", sql: "CREATE INDEX i ON orders(status)", reason: .refused, mentions: "CREATE INDEX"),
        Refusal(category: "ALTER TABLE", sql: "ALTER TABLE users ADD COLUMN x", reason: .refused, mentions: "ALTER TABLE"),
        Refusal(category: "CREATE TRIGGER", sql: "CREATE TRIGGER t AFTER INSERT ON orders BEGIN SELECT 1; END", reason: .refused, mentions: "not allowed"),
        Refusal(category: "REPLACE", sql: "REPLACE INTO products VALUES (1, 'x', 'toys', 1, 1)", reason: .refused, mentions: "INSERT on products"),
        Refusal(category: "BEGIN", sql: "BEGIN", reason: .refused, mentions: "transaction"),
        Refusal(category: "COMMIT", sql: "COMMIT", reason: .refused, mentions: "transaction"),
        Refusal(category: "SAVEPOINT", sql: "SAVEPOINT a", reason: .refused, mentions: "SAVEPOINT"),
        Refusal(category: "ANALYZE", sql: "ANALYZE", reason: .refused, mentions: "ANALYZE"),
        Refusal(category: "REINDEX", sql: "REINDEX", reason: .refused, mentions: "REINDEX"),
        Refusal(category: "VACUUM", sql: "VACUUM", reason: .refused, mentions: "not allowed"),
        Refusal(category: "VACUUM INTO", sql: "VACUUM INTO '/tmp/sqlprep-stolen.db'", reason: .refused, mentions: "not allowed"),
        Refusal(category: "ATTACH", sql: "ATTACH DATABASE '/tmp/sqlprep-x.db' AS x", reason: .refused, mentions: "ATTACH"),
        Refusal(category: "ATTACH a URI", sql: "ATTACH 'file:/etc/passwd?mode=ro' AS x", reason: .refused, mentions: "ATTACH"),
        Refusal(category: "DETACH", sql: "DETACH main", reason: .refused, mentions: "not allowed"),
        Refusal(category: "writing PRAGMA", sql: "PRAGMA query_only = OFF", reason: .refused, mentions: "PRAGMA query_only"),
        Refusal(category: "reading PRAGMA", sql: "PRAGMA compile_options", reason: .refused, mentions: "PRAGMA"),
        Refusal(category: "hard_heap_limit PRAGMA", sql: "PRAGMA hard_heap_limit = 1", reason: .refused, mentions: "PRAGMA"),
        Refusal(category: "pragma function", sql: "SELECT * FROM pragma_compile_options", reason: .refused, mentions: "not allowed"),
        Refusal(category: "load_extension", sql: "SELECT load_extension('/tmp/evil.so')", reason: .refused, mentions: "load_extension"),
        Refusal(category: "fts3_tokenizer", sql: "SELECT fts3_tokenizer('simple')", reason: .refused, mentions: "fts3_tokenizer"),
        Refusal(category: "dbstat", sql: "SELECT * FROM dbstat", reason: .refused, mentions: "dbstat"),
        Refusal(category: "sqlite_stmt", sql: "SELECT * FROM sqlite_stmt", reason: .refused, mentions: "sqlite_stmt"),
        Refusal(category: "CREATE VIRTUAL TABLE", sql: "CREATE VIRTUAL TABLE t USING fts4(x)", reason: .refused, mentions: "not allowed"),
        Refusal(category: "two statements", sql: "SELECT 1; SELECT 2", reason: .refused, mentions: "more than one statement"),
        Refusal(category: "a statement after a comment", sql: "SELECT 1; -- fine\n/* hidden */ DELETE FROM orders", reason: .refused, mentions: "more than one statement"),
        Refusal(category: "a parameter", sql: "SELECT ?", reason: .sqlError, mentions: "variable"),
        Refusal(category: "empty", sql: "", reason: .empty, mentions: "empty"),
        Refusal(category: "only comments", sql: "-- nothing here\n/* still nothing */ ;", reason: .empty, mentions: "empty"),
        Refusal(category: "a syntax error", sql: "SELEC 1", reason: .sqlError, mentions: "syntax error"),
        Refusal(category: "a double-quoted string", sql: "SELECT count(*) FROM users WHERE channel = \"organic\"", reason: .sqlError, mentions: "no such column"),
        Refusal(category: "a runaway recursive CTE", sql: "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n", reason: .timeout, mentions: "work"),
        Refusal(category: "a cartesian explosion", sql: "SELECT count(*) FROM events a, events b, events c", reason: .timeout, mentions: "work"),
        Refusal(category: "a blob bomb", sql: "SELECT length(randomblob(1000000000))", reason: .limit, mentions: "MiB"),
        Refusal(category: "a zeroblob bomb", sql: "SELECT zeroblob(2000000000)", reason: .limit, mentions: "MiB"),
        Refusal(category: "a string bomb", sql: "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000) SELECT length(group_concat(printf('%.100c', 'x'))) FROM n", reason: .limit, mentions: "MiB"),
        Refusal(category: "too many rows", sql: "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000) SELECT x FROM n", reason: .limit, mentions: "rows"),
    ]

    @Test("Everything that is not one read-only SELECT is refused with a message naming it", arguments: refusals)
    func refusal(_ case: Refusal) throws {
        // Runaways are stopped by the work limit, the same on every machine; the wall-clock safety net
        // is far away, so no outcome here depends on how busy the machine is.
        var limits = SandboxLimits()
        limits.maxSteps = 20_000_000
        limits.timeLimit = .seconds(120)
        limits.maxRows = 100_000
        let sandbox = try Fixture.sandbox(limits)
        let before = try Fixture.fingerprint(sandbox)
        let outcome = sandbox.run(sql: `case`.sql)
        guard case .failure(let failure) = outcome else {
            Issue.record("\(`case`.category) was not refused")
            return
        }
        #expect(failure.reason == `case`.reason, "\(`case`.category): \(failure.message)")
        #expect(failure.message.lowercased().contains(`case`.mentions.lowercased()), "\(`case`.category): \(failure.message)")
        // The dataset is untouched.
        #expect(try Fixture.fingerprint(sandbox) == before)
    }

    @Test("The work limit stops a query at the same step on every run: just above its work it passes, below it stops")
    func workLimitIsExact() throws {
        let sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) SELECT count(*) FROM n"
        var limits = SandboxLimits()
        limits.timeLimit = .seconds(120)
        limits.maxSteps = nil
        let steps = try Fixture.sandbox(limits).run(sql: sql).get().steps
        #expect(steps > 1_000_000)
        for _ in 0..<3 { #expect(try Fixture.sandbox(limits).run(sql: sql).get().steps == steps, "the same work every time") }
        limits.maxSteps = steps + 1000
        #expect(throws: Never.self) { try Fixture.sandbox(limits).run(sql: sql).get() }
        limits.maxSteps = steps - 1000
        guard case .failure(let failure) = try Fixture.sandbox(limits).run(sql: sql) else { Issue.record("not stopped"); return }
        #expect(failure.reason == .timeout && failure.message.contains("work"), "\(failure.message)")
    }

    struct InputCase: CustomTestStringConvertible, Sendable {
        let category: String
        let bytes: [UInt8]
        let reason: QueryFailure.Reason?
        let mentions: String
        var testDescription: String { category }
    }

    static let inputs: [InputCase] = [
        InputCase(category: "a UTF-8 byte-order mark is tolerated", bytes: [0xEF, 0xBB, 0xBF] + Array("SELECT 1".utf8), reason: nil, mentions: ""),
        InputCase(category: "a NUL byte hiding a second statement", bytes: Array("SELECT 1".utf8) + [0] + Array("; DROP TABLE orders".utf8), reason: .invalidInput, mentions: "NUL"),
        InputCase(category: "UTF-16 with a byte-order mark", bytes: [0xFF, 0xFE] + Array("SELECT 1".utf8).flatMap { [$0, 0] }, reason: .invalidInput, mentions: "UTF-16"),
        InputCase(category: "UTF-16 without a byte-order mark", bytes: Array("SELECT 1".utf8).flatMap { [$0, 0] }, reason: .invalidInput, mentions: "UTF-16"),
        InputCase(category: "invalid UTF-8", bytes: Array("SELECT '".utf8) + [0xC3, 0x28] + Array("'".utf8), reason: .invalidInput, mentions: "UTF-8"),
        InputCase(category: "too large", bytes: Array(("SELECT 1 -- " + String(repeating: "x", count: 200_000)).utf8), reason: .invalidInput, mentions: "limit"),
        InputCase(category: "smart quotes", bytes: Array("SELECT count(*) FROM users WHERE channel = ‘organic’".utf8), reason: .sqlError, mentions: ""),
        InputCase(category: "a non-breaking space", bytes: Array("SELECT\u{00A0}1".utf8), reason: .sqlError, mentions: ""),
    ]

    @Test("Bytes are checked before SQLite sees them", arguments: inputs)
    func input(_ case: InputCase) throws {
        let outcome = try Fixture.sandbox().run(bytes: `case`.bytes)
        switch (outcome, `case`.reason) {
        case (.success, nil): break
        case (.failure(let failure), let reason?):
            #expect(failure.reason == reason, "\(failure.message)")
            if !`case`.mentions.isEmpty { #expect(failure.message.contains(`case`.mentions)) }
        case (.success, _?): Issue.record("\(`case`.category) was accepted")
        case (.failure(let failure), nil): Issue.record("\(`case`.category) was refused: \(failure.message)")
        }
    }

    @Test("Look-alike characters get a hint that names them")
    func lookalikeHints() throws {
        let sandbox = try Fixture.sandbox()
        guard case .failure(let smart) = sandbox.run(sql: "SELECT ‘x’") else { Issue.record("accepted"); return }
        #expect(smart.hint?.contains("curly quote") == true)
        guard case .failure(let nbsp) = sandbox.run(sql: "SELECT\u{00A0}1") else { Issue.record("accepted"); return }
        #expect(nbsp.hint?.contains("non-breaking space") == true)
    }

    @Test(
        "SQL errors point at the line and character column, not the byte",
        arguments: [
            ("SELECT 1 FROM WHERE", 1, 15),
            ("SELECT 'héllo', 'wörld' FROM WHERE", 1, 30),  // byte offset 31
            ("SELECT\n  1,\n  2 FROM WHERE", 3, 10),
            ("SELECT 'ü' AS x FROM no_such_table", 1, 22),
        ])
    func caret(sql: String, line: Int, column: Int) throws {
        guard case .failure(let failure) = try Fixture.sandbox().run(sql: sql) else { Issue.record("accepted"); return }
        let location = try #require(failure.location)
        #expect(location.line == line)
        #expect(location.column == column)
        let caretLine = try #require(location.caretDiagram.split(separator: "\n").last)
        let textLine = try #require(location.caretDiagram.split(separator: "\n").first)
        // The caret sits under the reported character.
        let caretIndex = try #require(caretLine.firstIndex(of: "^"))
        let offset = caretLine.distance(from: caretLine.startIndex, to: caretIndex)
        let character = textLine[textLine.index(textLine.startIndex, offsetBy: offset)]
        #expect(character == Array(location.lineText)[column - 1])
    }

    @Test("Nothing leaks from one query to the next")
    func isolation() throws {
        let sandbox = try Fixture.sandbox()
        _ = sandbox.run(sql: "CREATE TEMP TABLE leak(x)")
        guard case .failure = sandbox.run(sql: "SELECT * FROM leak") else {
            Issue.record("a temp table survived")
            return
        }
    }
}
