import Foundation

/// Why a learner's query produced no result. A value, not a crash: every case has a message
/// that says what happened and what to do.
public struct QueryFailure: Error, Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The bytes are not acceptable SQL text (too large, not UTF-8, NUL bytes, UTF-16).
        case invalidInput = "invalid_input"
        /// The file is empty or holds only comments.
        case empty
        /// Valid SQL that the sandbox does not run (not a single read-only SELECT).
        case refused
        /// SQLite rejected or failed the query.
        case sqlError = "sql_error"
        /// The query ran past its time limit.
        case timeout
        /// The query hit a memory, row or size limit.
        case limit
    }

    public let reason: Reason
    /// One sentence: what happened.
    public let message: String
    /// Where in the SQL the error is, when SQLite said.
    public let location: SQLLocation?
    /// What to do about it, when there is something specific to say.
    public let hint: String?

    public init(_ reason: Reason, _ message: String, location: SQLLocation? = nil, hint: String? = nil) {
        self.reason = reason
        self.message = message
        self.location = location
        self.hint = hint
    }
}

/// A position in SQL text: 1-based line, and 1-based **character** column (not byte), with the
/// line's text, so that a caret lands under the right token even after non-ASCII text.
public struct SQLLocation: Sendable, Hashable {
    public let line: Int
    public let column: Int
    public let lineText: String

    /// Converts SQLite's byte offset into `sql` to a line and character column.
    public init?(byteOffset: Int, in sql: String) {
        let bytes = Array(sql.utf8)
        guard byteOffset >= 0, byteOffset <= bytes.count else { return nil }
        var lineStart = 0
        var line = 1
        for index in 0..<byteOffset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let prefix = String(decoding: bytes[lineStart..<byteOffset], as: UTF8.self)
        var text = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        self.line = line
        self.column = prefix.count + 1
        self.lineText = text
    }

    /// The best fallback when SQLite gives no offset: the first place the code names the name in a
    /// message such as "no such table: shipments" or "no such column: revenue" — as a whole word
    /// when it can, and never inside a comment or a string literal.
    public init?(namedIn message: String, sql: String) {
        guard let colon = message.lastIndex(of: ":") else { return nil }
        let name = message[message.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count < 200 else { return nil }
        let bare = name.split(separator: ".").last.map(String.init) ?? name
        guard let offset = SQLText.firstMention(of: bare, in: sql) else { return nil }
        self.init(byteOffset: offset, in: sql)
    }

    /// The line, and a caret under the column:
    /// ```
    ///   3 | SELEC name FROM users
    ///     | ^
    /// ```
    public var caretDiagram: String { fittedCaretDiagram(width: nil) }

    /// ``caretDiagram``, fitted to `width` columns when given: a line too long for it would wrap
    /// and leave the caret under the wrong character, so only an excerpt around the error is shown,
    /// `…` marking each side that was cut.
    /// ```
    ///   1 | …(o.amount) AS revenue, COUNT(*) AS orders FROM orderz AS o JOIN users AS u ON u.user_i…
    ///     |                                                  ^
    /// ```
    public func fittedCaretDiagram(width: Int?) -> String {
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        var visible = Array(lineText.replacingTabs())
        var caretOffset = String(lineText.prefix(column - 1)).replacingTabs().count
        // " 12 | " before the text; the caret may sit one past the last character.
        if let width, case let room = max(20, width - gutter.count - 4), max(visible.count, caretOffset + 1) > room {
            // The caret a third of the way in, so more of what follows the error shows than before it.
            var start = max(0, caretOffset - room / 3)
            let end = min(max(visible.count, caretOffset + 1), start + room)
            start = max(0, end - room)
            var excerpt = Array(visible[min(start, visible.count)..<min(end, visible.count)])
            if start > 0, !excerpt.isEmpty { excerpt[0] = "…" }
            if end < visible.count, !excerpt.isEmpty { excerpt[excerpt.count - 1] = "…" }
            visible = excerpt
            caretOffset -= start
        }
        return " \(number) | \(String(visible))\n \(gutter) | \(String(repeating: " ", count: caretOffset))^"
    }
}

extension String {
    /// Tabs as four spaces, so that the caret lines up whatever the terminal's tab stops.
    func replacingTabs() -> String {
        var out = ""
        for character in self { if character == "\t" { out += "    " } else { out.append(character) } }
        return out
    }
}
