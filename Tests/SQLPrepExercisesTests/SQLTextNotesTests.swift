import SQLPrepExercises
import Testing

@Suite("SQL text notes read only the code")
struct SQLTextNotesTests {
    @Test(
        "Dialect and run-to-run notes come from the code, never from comments",
        arguments: [
            ("SELECT date_trunc('month', signup_at) FROM users", ["dialect"]),
            ("-- DATE_TRUNC would be PostgreSQL — avoid 'now' and random()\nSELECT 1", []),
            ("SELECT 'use date_trunc( here' AS x", []),
            ("SELECT date('now')", ["nondeterministic"]),
            ("/* 'now' */ SELECT random()", ["nondeterministic"]),
        ])
    func notes(sql: String, codes: [String]) {
        #expect(SQLTextNotes.notes(for: sql).map(\.code.rawValue) == codes)
    }

    @Test("A date-only window end is noticed in the code, not in a comment")
    func dateWindow() {
        #expect(SQLTextNotes.dateOnlyUpperBound("SELECT 1 FROM orders WHERE ordered_at <= '2025-03-31'") != nil)
        #expect(SQLTextNotes.dateOnlyUpperBound("-- not <= '2025-03-31'\nSELECT 1 FROM orders WHERE ordered_at < '2025-04-01'") == nil)
    }
}
