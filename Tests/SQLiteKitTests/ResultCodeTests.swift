@testable import SQLiteKit
import Testing

@Suite("SQLiteKit result codes")
struct ResultCodeTests {
    @Test(
        "A primary pattern matches its extended codes; an extended pattern only itself",
        arguments: [
            (ResultCode.constraint, ResultCode.constraintPrimaryKey, true),
            (.constraint, .constraint, true),
            (.constraintPrimaryKey, .constraintPrimaryKey, true),
            (.constraintPrimaryKey, .constraint, false),
            (.constraintPrimaryKey, .constraintUnique, false),
            (.cantOpen, .cantOpenIsDirectory, true),
            (.busy, .locked, false),
            (.readOnly, ResultCode(rawValue: 8 | (3 << 8)), true),  // SQLITE_READONLY_ROLLBACK
        ])
    func matching(pattern: ResultCode, code: ResultCode, matches: Bool) {
        #expect((pattern ~= code) == matches)
    }

    @Test("The names are SQLite's numbers", arguments: [
        (ResultCode.busy, Int32(5)), (.locked, 6), (.noMemory, 7), (.readOnly, 8), (.interrupt, 9), (.ioError, 10),
        (.corrupt, 11), (.full, 13), (.cantOpen, 14), (.tooBig, 18), (.constraint, 19), (.misuse, 21), (.auth, 23),
        (.notADatabase, 26), (.row, 100), (.done, 101), (.constraintPrimaryKey, 19 | (6 << 8)),
    ])
    func numbers(code: ResultCode, number: Int32) {
        #expect(code.rawValue == number)
        #expect(code.description == String(number))
    }

    @Test("An error's description keeps the raw number, and a switch on its code reads primary codes")
    func errorDescription() {
        let error = SQLiteError(code: .constraintUnique, message: "UNIQUE constraint failed: t.x", sql: "INSERT")
        #expect(error.description == "SQLite error 2067: UNIQUE constraint failed: t.x — in: INSERT")
        let kind: String = switch error.code {
        case .busy: "busy"
        case .constraint: "constraint"
        default: "other"
        }
        #expect(kind == "constraint")
        #expect(error.primaryCode == .constraint)
    }
}
