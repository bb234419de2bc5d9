/// Splits typed SQL into complete statements: a statement ends at a `;` that is outside string
/// literals, quoted identifiers and comments. Used by `sqlprep shell` for multi-line input.
public struct StatementSplitter: Sendable {
    private var pending = ""

    public init() {}

    /// True while a statement has been started but not finished.
    public var hasPending: Bool { !SQLText.isOnlyCommentsAndSpace(pending) }

    /// Adds a line and returns the statements it completed (without their final `;`).
    public mutating func add(line: String) -> [String] {
        pending += line + "\n"
        var statements: [String] = []
        while let end = StatementSplitter.endOfFirstStatement(pending) {
            let statement = String(pending[..<end])
            pending = String(pending[pending.index(after: end)...])
            if !SQLText.isOnlyCommentsAndSpace(statement) { statements.append(statement.trimmingCharacters()) }
        }
        if SQLText.isOnlyCommentsAndSpace(pending) && !pending.contains("/*") { pending = "" }
        return statements
    }

    /// The text not yet ended by `;` (returned at end of input).
    public mutating func flush() -> String? {
        defer { pending = "" }
        return hasPending ? pending.trimmingCharacters() : nil
    }

    /// The index of the `;` that ends the first statement, or nil when it is not complete yet.
    static func endOfFirstStatement(_ text: String) -> String.Index? {
        var index = text.startIndex
        var quote: Character?
        var inLineComment = false, inBlockComment = false
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index) < text.endIndex ? text[text.index(after: index)] : nil
            if inLineComment {
                if c == "\n" { inLineComment = false }
            } else if inBlockComment {
                if c == "*" && next == "/" { inBlockComment = false; index = text.index(after: index) }
            } else if let open = quote {
                let close: Character = open == "[" ? "]" : open
                if c == close { quote = nil }
            } else if c == "'" || c == "\"" || c == "`" || c == "[" {
                quote = c
            } else if c == "-" && next == "-" {
                inLineComment = true
            } else if c == "/" && next == "*" {
                inBlockComment = true
                index = text.index(after: index)
            } else if c == ";" {
                return index
            }
            index = text.index(after: index)
        }
        return nil
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
