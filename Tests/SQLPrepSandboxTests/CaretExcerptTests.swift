import SQLPrepSandbox
import Testing

/// Finding: when a long SQL line wrapped on the terminal, the caret pointed at the wrong place.
/// Fitted to the width, the line is an excerpt around the error, and the caret sits under it.
struct CaretExcerptTests {
    static let long = "SELECT u.country, SUM(o.amount) AS revenue, COUNT(*) AS orders, AVG(o.amount) AS aov FROM orderz AS o "
        + "JOIN users AS u ON u.user_id = o.user_id WHERE o.status = 'completed' GROUP BY u.country ORDER BY revenue DESC"

    /// (line, the error's text, terminal width)
    @Test("The caret lands under the error and no line passes the width", arguments: [
        (long, "orderz", 60),  // in the middle: cut on both sides
        (long, "SELECT", 60),  // at the start: cut on the right only
        (long, "DESC", 60),  // at the end: cut on the left only
        (long, "orderz", 20),  // narrower than the least room: 20 columns of text
        ("SELECT\t1 FROM\torderz WHERE " + String(repeating: "x = 1 AND ", count: 20) + "y", "orderz", 50),  // tabs count as 4
    ])
    func fitted(line: String, error: String, width: Int) throws {
        let offset = try #require(line.utf8.firstRange(of: error.utf8)?.lowerBound).utf16Offset(in: line)
        let location = try #require(SQLLocation(byteOffset: offset, in: line))
        let diagram = location.fittedCaretDiagram(width: width).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(diagram.count == 2)
        let text = Array(diagram[0]), caret = Array(diagram[1])
        #expect(text.count <= max(width, 20 + 5), "\(String(text))")
        let caretColumn = try #require(caret.firstIndex(of: "^"))
        // Under the caret: the first character of the error (the excerpt keeps the text verbatim around it).
        #expect(String(text[caretColumn..<min(text.count, caretColumn + error.count)]) == error, "\(String(text))\n\(String(caret))")
        let textStart = " 1 | ".count
        let cutLeft = text[textStart] == "…", cutRight = text.last == "…"
        #expect(cutLeft || cutRight)
        #expect(cutLeft == !line.hasPrefix(error))
        #expect(cutRight == !line.hasSuffix(error))
    }

    @Test("A line that fits is shown whole, and without a width it is never cut")
    func whole() throws {
        let location = try #require(SQLLocation(byteOffset: 14, in: "SELECT 1 FROM WHERE"))
        #expect(location.fittedCaretDiagram(width: 80) == " 1 | SELECT 1 FROM WHERE\n   |               ^")
        let long = try #require(SQLLocation(byteOffset: 100, in: Self.long))
        #expect(long.fittedCaretDiagram(width: nil) == long.caretDiagram)
        #expect(!long.caretDiagram.contains("…"))
    }

    @Test("A caret just past the end of a long line stays in the excerpt")
    func caretPastTheEnd() throws {
        let location = try #require(SQLLocation(byteOffset: Self.long.utf8.count, in: Self.long))
        let diagram = location.fittedCaretDiagram(width: 40).split(separator: "\n")
        #expect(diagram[0].count <= 40)
        #expect(diagram[1].count == diagram[0].count + 1)
        #expect(diagram[1].last == "^")
    }
}
