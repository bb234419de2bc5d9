import SQLPrepSandbox
import Testing

/// A starter file as `sqlprep next` writes it: the prompt in `--` comments, dashes, curly quotes and all.
enum StarterLike {
    static let header = """
        -- exercise: orders-by-status
        -- Orders by status (Warm-up, easy)
        --
        -- Your first week as the PM for checkout — “how do orders end up?”
        -- - `status` — the order status; it’s text.
        /* a block comment — with an en dash – too */
        -- Write your query below this line, then run: sqlprep submit

        """
}

struct HintCase: CustomTestStringConvertible, Sendable {
    let name: String
    let sql: String
    /// Words the hint must contain; nil when there must be no hint.
    let hint: String?
    /// The line the caret must point at.
    let line: Int
    var testDescription: String { name }
}

@Suite("Sandbox: hints read the SQL, not its comments or strings")
struct SQLTextHintTests {
    static let cases: [HintCase] = [
        HintCase(name: "a starter file with an em dash in a comment and a syntax error elsewhere gets no look-alike hint",
                 sql: StarterLike.header + "SELECT status,\n  count(*) FROM FROM orders", hint: nil, line: 9),
        HintCase(name: "a curly quote inside a string literal is data, not the error",
                 sql: StarterLike.header + "SELECT 'it’s' AS x FROM FROM orders", hint: nil, line: 8),
        HintCase(name: "a real smart quote in the SQL still gets its hint, with the right line",
                 sql: StarterLike.header + "SELECT *\nFROM orders WHERE status = ‘completed’", hint: "Line 9 contains a curly quote ‘", line: 9),
        HintCase(name: "an em dash used as a minus sign in the SQL gets its hint",
                 sql: StarterLike.header + "SELECT 3 — 1", hint: "em dash", line: 8),
        HintCase(name: "a text value in double quotes gets the single-quote hint",
                 sql: StarterLike.header + "SELECT * FROM sessions WHERE channel = \"email\"", hint: "'email'", line: 8),
        HintCase(name: "double quotes only in a comment give no single-quote hint",
                 sql: "-- compare with \"email\"\nSELECT email FROM sessions", hint: nil, line: 2),
    ]

    @Test("Look-alike and quoting hints", arguments: cases)
    func hints(_ case: HintCase) throws {
        guard case .failure(let failure) = try Fixture.sandbox().run(sql: `case`.sql) else { Issue.record("accepted"); return }
        if let expected = `case`.hint {
            #expect(failure.hint?.contains(expected) == true, "\(failure)")
        } else {
            #expect(failure.hint == nil, "\(failure)")
        }
        #expect(failure.location?.line == `case`.line, "\(failure)")
    }

    @Test("A name SQLite reports without a position is found in the code, as a whole word, not in a comment or string")
    func namedCaret() throws {
        let sandbox = try Fixture.sandbox()
        guard case .failure(let commented) = sandbox.run(sql: "-- revenue is in dollars\nSELECT 'revenue', revenue FROM users") else { Issue.record("accepted"); return }
        #expect(commented.location?.line == 2)
        #expect(commented.location?.column == 19, "\(String(describing: commented.location))")
        guard case .failure(let word) = sandbox.run(sql: "SELECT user_id, id FROM users") else { Issue.record("accepted"); return }
        #expect(word.location?.column == 17, "\(String(describing: word.location))")
    }

    @Test(
        "Blanking comments and strings keeps every byte offset and line",
        arguments: [StarterLike.header + "SELECT 'é—x', \"a--b\" FROM t -- tail", "SELECT 'open", "/* never closed — ", "SELECT [a'b], `c--d` -- x\n'it''s'"])
    func codeKeepsOffsets(sql: String) {
        let code = SQLText.code(sql)
        #expect(code.utf8.count == sql.utf8.count)
        #expect(code.filter { $0 == "\n" }.count == sql.filter { $0 == "\n" }.count)
        #expect(!code.contains("—") || sql.hasPrefix("SELECT 'open"))
    }

    @Test("The time-limit and memory hints name possibilities, joins on repeated keys among them, not a diagnosis")
    func slowQueryHints() {
        for hint in [SQLText.slowQueryHint, SQLText.memoryHint] {
            #expect(hint.hasPrefix("Possible causes:"))
            #expect(hint.contains("repeats on both sides"))
            #expect(!hint.contains("Look for a join without a condition"))
        }
    }
}
