/// Splits typed SQL into complete statements: a statement ends at a `;` that is outside string
/// literals, quoted identifiers and comments (as ``SQLScanner`` reads them). Used by `sqlprep shell`
/// for multi-line input.
public struct StatementSplitter: Sendable {
    private var pending = ""

    public init() {}

    /// True while a statement has been started but not finished.
    public var hasPending: Bool { !SQLText.isOnlyCommentsAndSpace(pending) }

    /// Adds a line and returns the statements it completed (without their final `;`).
    public mutating func add(line: String) -> [String] {
        pending += line + "\n"
        var statements: [String] = []
        var bytes = Array(pending.utf8)
        while let end = SQLScanner.firstStatementEnd(in: bytes) {
            let statement = String(decoding: bytes[..<end], as: UTF8.self)
            bytes = Array(bytes[(end + 1)...])
            if !SQLText.isOnlyCommentsAndSpace(statement) { statements.append(statement.trimmingCharacters()) }
        }
        pending = String(decoding: bytes, as: UTF8.self)
        // Only comments and blank lines are dropped, unless they hold a `/*`: it may open a comment
        // the next line continues. (A closed `/* … */` is kept too and becomes part of the next
        // statement's text, so error lines count from it: the shell has always numbered them so.)
        if SQLText.isOnlyCommentsAndSpace(pending) && !pending.contains("/*") { pending = "" }
        return statements
    }

    /// The text not yet ended by `;` (returned at end of input).
    public mutating func flush() -> String? {
        defer { pending = "" }
        return hasPending ? pending.trimmingCharacters() : nil
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
