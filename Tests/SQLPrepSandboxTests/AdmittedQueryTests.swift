@testable import SQLPrepSandbox
import Testing

@Suite("Sandbox: a query is admitted once")
struct AdmittedQueryTests {
    @Test(
        "The statement is the text without what SQLite skips around it",
        arguments: [
            ("SELECT 1", "SELECT 1"),
            ("-- prompt\n/* note */\n  SELECT 1 ;\n\n", "SELECT 1"),
            ("SELECT 1; -- trailing", "SELECT 1; -- trailing"),
            ("\u{FEFF}SELECT 'é'", "SELECT 'é'"),
        ])
    func statement(text: String, statement: String) throws {
        let bytes = Array(text.utf8)
        let query = try AdmittedQuery.admit(bytes: bytes, limits: SandboxLimits()).get()
        #expect(String(decoding: query.statement, as: UTF8.self) == statement)
        #expect(query.utf8 == Array(query.text.utf8))
        #expect(!query.text.hasPrefix("\u{FEFF}"), "a byte-order mark is dropped")
    }

    @Test(
        "Bytes and text are refused for the same reasons, in the words that fit each",
        arguments: [
            ("-- only a comment\n;", QueryFailure.Reason.empty, "the file holds no SQL", "no SQL, only"),
            ("SELECT 1\u{0}; DROP TABLE t", .invalidInput, "NUL byte at byte 9", "NUL byte."),
            ("SELECT '" + String(repeating: "x", count: 200) + "'", .invalidInput, "the limit is 100 bytes", "the limit is 100 bytes"),
        ] as [(String, QueryFailure.Reason, String, String)])
    func refusals(text: String, reason: QueryFailure.Reason, fileWords: String, textWords: String) {
        var limits = SandboxLimits()
        limits.maxSQLBytes = 100
        guard case .failure(let fromBytes) = AdmittedQuery.admit(bytes: Array(text.utf8), limits: limits),
              case .failure(let fromText) = AdmittedQuery.admit(text: text, limits: limits) else {
            Issue.record("admitted")
            return
        }
        #expect(fromBytes.reason == reason && fromText.reason == reason)
        #expect(fromBytes.message.contains(fileWords), "\(fromBytes.message)")
        #expect(fromText.message.contains(textWords), "\(fromText.message)")
    }
}
