import Foundation
@testable import SQLiteKit
import Testing

@Suite("SQLiteKit wrapper")
struct ConnectionTests {
    @Test("The step loop returns every row and each storage class as its Value")
    func valuesRoundTrip() throws {
        let db = try Connection.inMemory()
        let rows = try db.prepare("SELECT NULL, 42, 2.5, 'héllo', x'00ff'").allRows()
        #expect(rows == [[.null, .integer(42), .real(2.5), .text("héllo"), .blob([0x00, 0xFF])]])
    }

    @Test("Statements step many rows and stop early when the body says so")
    func stepLoop() throws {
        let db = try Connection.inMemory()
        let statement = try db.prepare("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000) SELECT x FROM n")
        #expect(try statement.allRows().count == 1000)
        var seen = 0
        try statement.step { _ in seen += 1; return seen < 10 }
        #expect(seen == 10)
        // Reusable after an early stop.
        #expect(try statement.allRows().count == 1000)
    }

    @Test("Bound parameters of every type read back unchanged")
    func binding() throws {
        let db = try Connection.inMemory()
        let values: [Value] = [.null, .integer(-7), .real(0.1), .text("it's"), .blob([1, 2, 3])]
        let statement = try db.prepare("SELECT ?, ?, ?, ?, ?")
        try statement.bind(values)
        #expect(try statement.allRows() == [values])
    }

    @Test(
        "Errors carry the result code, not just a message",
        arguments: [
            ("SELEC 1", ResultCode.error),
            ("SELECT * FROM nowhere", ResultCode.error),
        ])
    func errorCodes(sql: String, primary: ResultCode) throws {
        let db = try Connection.inMemory()
        let error = try #require(throws: SQLiteError.self) { try db.prepare(sql) }
        #expect(error.primaryCode == primary)
        #expect(error.sql == sql)
    }

    @Test("A constraint violation reports the extended constraint code")
    func constraintCode() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)")
        try db.execute("INSERT INTO t VALUES (1)")
        let error = try #require(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (1)") }
        #expect(error.primaryCode == .constraint)
        #expect(error.code == .constraintPrimaryKey)
        #expect(error.code != .constraint, "the extended code, not only the primary one")
    }

    @Test("A syntax error reports the byte offset of the offending token")
    func errorOffset() throws {
        let db = try Connection.inMemory()
        let error = try #require(throws: SQLiteError.self) { try db.prepare("SELECT 1 FROM WHERE") }
        #expect(error.byteOffset == 14)
    }

    @Test("prepareFirst returns the unparsed tail and nil for comment-only text")
    func prepareFirst() throws {
        let db = try Connection.inMemory()
        let (first, tail) = try db.prepareFirst("SELECT 1; DROP TABLE x")
        #expect(first != nil)
        #expect(String(decoding: tail, as: UTF8.self) == " DROP TABLE x")
        let (none, _) = try db.prepareFirst("-- just a comment\n/* and another */")
        #expect(none == nil)
    }

    @Test("A serialized image reads back read-only and is shared without copying")
    func imagesAreReadOnly() throws {
        let source = try Connection.inMemory()
        try source.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3)")
        let image = try source.serialize()
        let a = try Connection.inMemory(), b = try Connection.inMemory()
        try a.attachReadOnly(image)
        try b.attachReadOnly(image)
        #expect(try a.prepare("SELECT sum(x) FROM t").scalar() == .integer(6))
        let error = try #require(throws: SQLiteError.self) { try b.execute("DELETE FROM t") }
        #expect(error.primaryCode == .readOnly)
        #expect(try a.prepare("SELECT count(*) FROM t").scalar() == .integer(3))
    }

    @Test("A database too big for sqlite3_serialize is copied through a file, to the same image")
    func serializeThroughFile() throws {
        let source = try Connection.inMemory()
        try source.execute("CREATE TABLE t(x, y TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO t SELECT i, printf('row %d', i) FROM n")
        let copied = try source.serializeThroughFile()
        let reader = try Connection.inMemory()
        try reader.attachReadOnly(copied)
        #expect(try reader.prepare("SELECT count(*), sum(x), max(y) FROM t").allRows().first == [.integer(5000), .integer(12_502_500), .text("row 999")])
        #expect(copied.count == (try source.serialize()).count)
    }

    @Test("An image written to a file maps back, read-only and whole; a missing or empty file maps to nil")
    func mappedImages() throws {
        let source = try Connection.inMemory()
        try source.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3)")
        let path = NSTemporaryDirectory() + "sqlitekit-map-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try source.serialize().write(atomicallyTo: path))
        let image = try #require(DatabaseImage.map(path: path))
        let reader = try Connection.inMemory()
        try reader.attachReadOnly(image)
        #expect(try reader.prepare("SELECT sum(x) FROM t").scalar() == .integer(6))
        #expect(throws: SQLiteError.self) { try reader.execute("DELETE FROM t") }
        #expect(DatabaseImage.map(path: path + ".missing") == nil)
        #expect(FileManager.default.createFile(atPath: path + ".empty", contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: path + ".empty") }
        #expect(DatabaseImage.map(path: path + ".empty") == nil)
    }

    @Test("An image made from an array holds its bytes, and writes them back whole")
    func imageFromArray() throws {
        let source = try Connection.inMemory()
        try source.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2)")
        let serialized = try source.serialize()
        let bytes = Array(serialized.buffer)
        let image = DatabaseImage(bytes)
        #expect(image.count == bytes.count)
        #expect(Array(image.buffer) == bytes)
        #expect(DatabaseImage([]).count == 0)
        let path = NSTemporaryDirectory() + "sqlitekit-array-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(image.write(atomicallyTo: path))
        #expect(FileManager.default.contents(atPath: path).map(Array.init) == bytes)
        #expect(!image.write(atomicallyTo: "/nonexistent-folder/x.db"))
    }

    @Test("The authorizer sees each action and a denial fails the prepare with SQLITE_AUTH")
    func authorizer() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x)")
        var seen: [AuthorizerAction] = []
        db.setAuthorizer { request in
            seen.append(request.action)
            return request.action == .delete ? .deny : .allow
        }
        _ = try db.prepare("SELECT x FROM t")
        #expect(seen.contains(.select) && seen.contains(.read))
        let error = try #require(throws: SQLiteError.self) { try db.prepare("DELETE FROM t") }
        #expect(error.isAuthorizationDenied)
    }

    @Test("A progress handler that returns true interrupts the statement")
    func progressInterrupts() throws {
        let db = try Connection.inMemory()
        var calls = 0
        db.setProgressHandler(every: 100) { calls += 1; return calls > 5 }
        let error = try #require(throws: SQLiteError.self) {
            try db.prepare("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n").allRows()
        }
        #expect(error.isInterrupt)
    }

    @Test("Limits and options report what is in force")
    func limitsAndOptions() throws {
        let db = try Connection.inMemory()
        db.setLimit(.attached, 0)
        #expect(db.limit(.attached) == 0)
        #expect(db.setOption(.defensive, 1) == 1)
        #expect(db.setOption(.enableLoadExtension, 0) == 0)
    }

    @Test(
        "Reals print like the sqlite3 shell",
        arguments: [(3.0, "3.0"), (0.1 + 0.2, "0.3"), (2.5, "2.5"), (-0.0625, "-0.0625"), (1e20, "1e+20"), (123456.789, "123456.789")])
    func realFormatting(value: Double, text: String) {
        #expect(Value.real(value).description == text)
    }

    @Test("Value equality is structural: 3 is not 3.0, text compares by bytes")
    func valueEquality() {
        #expect(Value.integer(3) != Value.real(3.0))
        #expect(Value.text("é") != Value.text("e\u{301}"))  // same character, different bytes
        #expect(Value.null == Value.null)
        #expect(Value.blob([1]) != Value.text("\u{1}"))
    }
}
