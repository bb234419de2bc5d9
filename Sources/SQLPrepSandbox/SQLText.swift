import Foundation

/// What sqlprep reads in SQL text before and after SQLite does: where the statement is, hints for
/// look-alike characters and misused quotes, and the code with comments and literals blanked out.
/// All of it reads the text through ``SQLScanner``, so every answer follows SQLite's quoting rules.
public enum SQLText {
    /// True when `text` holds nothing but whitespace, `;` and SQL comments.
    public static func isOnlyCommentsAndSpace(_ text: String) -> Bool {
        nextTokenIndex(in: Array(text.utf8), from: 0) == nil
    }

    /// The statement in a query file: `bytes` without the whitespace, `;` and comments before it,
    /// and without the whitespace and `;` after it. SQLite skips exactly these, so two files with
    /// the same statement give the same result (though an error's line and column may differ).
    public static func statement(in bytes: [UInt8]) -> ArraySlice<UInt8> {
        guard let start = nextTokenIndex(in: bytes, from: 0) else { return [] }
        var end = bytes.count
        while end > start, [0x20, 0x09, 0x0A, 0x0D, 0x0C, UInt8(ascii: ";")].contains(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// The byte index of the first character that is not whitespace, `;` or part of a comment,
    /// starting at `start`; nil when there is none.
    static func nextTokenIndex(in bytes: [UInt8], from start: Int) -> Int? {
        SQLScanner.firstToken(in: bytes, from: start)
    }

    /// The first keyword of the statement, upper-cased ("DELETE", "PRAGMA"), skipping comments.
    static func firstKeyword(_ sql: String) -> String {
        let bytes = Array(sql.utf8)
        guard let start = nextTokenIndex(in: bytes, from: 0) else { return "" }
        var end = start
        while end < bytes.count, (bytes[end] >= 0x41 && bytes[end] <= 0x5A) || (bytes[end] >= 0x61 && bytes[end] <= 0x7A) || bytes[end] == 0x5F { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).uppercased()
    }

    /// Characters that look like SQL but are not, with what to type instead.
    static let lookalikes: [(Character, String)] = [
        ("\u{00A0}", "a non-breaking space (often pasted from a web page or a document); retype it as a normal space"),
        ("\u{2018}", "a curly quote ‘; use a straight single quote '"),
        ("\u{2019}", "a curly quote ’; use a straight single quote '"),
        ("\u{201C}", "a curly quote “; use a straight single quote ' for text"),
        ("\u{201D}", "a curly quote ”; use a straight single quote ' for text"),
        ("\u{2013}", "an en dash –; use a plain minus sign -"),
        ("\u{2014}", "an em dash —; use a plain minus sign -"),
        ("\u{FF08}", "a full-width parenthesis; use ("),
    ]

    /// A hint when the SQL code — not its comments or string literals — contains a look-alike
    /// character, else nil. A starter file quotes the prompt in `--` comments, dashes and all, and
    /// 'It’s' in a string literal is data: neither is what SQLite tripped over.
    public static func lookalikeHint(_ text: String) -> String? {
        let code = code(text)
        for (character, advice) in lookalikes {
            if let index = code.firstIndex(of: character) {
                let line = code[..<index].filter { $0 == "\n" }.count + 1
                return "Line \(line) contains \(advice)."
            }
        }
        return nil
    }

    /// The hint for an error SQLite reported on `sql` (its message is `message`), when the code
    /// shows a likely cause: a look-alike character, or a text value written in double quotes
    /// (`channel = "email"` reads as a column named email). Nil when there is nothing specific to say.
    public static func errorHint(message: String, sql: String) -> String? {
        if let hint = lookalikeHint(sql) { return hint }
        if let colon = message.range(of: "no such column:") {
            let name = message[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, code(sql).range(of: "\"\(name)\"", options: .caseInsensitive) != nil {
                return "\"\(name)\" in double quotes names a column; a text value takes single quotes ('\(name)')."
            }
        }
        return nil
    }

    /// What to look at when a query runs out of time or work. Only possibilities: the sandbox cannot
    /// tell which one it was, and a query may have every join condition and still multiply rows.
    public static let slowQueryHint =
        "Possible causes: a join that multiplies rows — one with no condition (every row × every row), or one on a key that repeats on both sides, such as sessions joined to orders on user_id (every match × every match); a recursive CTE that never stops; or work on very long strings. Aggregating each side to one row per key before joining keeps the row count down."

    /// What to look at when a query runs out of memory; possibilities, as for ``slowQueryHint``.
    public static let memoryHint =
        "Possible causes: a join that multiplies rows (no condition, or a key that repeats on both sides), or a huge string built with group_concat, printf or zeroblob."

    /// `sql` with every comment and (unless `keepingStrings`) every string literal blanked out, byte
    /// for byte: each UTF-8 byte becomes a space and line breaks stay, so byte offsets and line
    /// numbers still match `sql`. Quoted identifiers ("x", `x`, [x]) are code. A string literal that
    /// never closes is left as it is: it is part of the error, and whatever it swallowed may be why.
    public static func code(_ sql: String, keepingStrings: Bool = false) -> String {
        var bytes = Array(sql.utf8)
        for span in SQLScanner(bytes) {
            let blanked = switch span.kind {
            case .lineComment, .blockComment: true
            case .stringLiteral: span.isClosed && !keepingStrings
            case .code, .quotedIdentifier: false
            }
            guard blanked else { continue }
            for index in span.range where bytes[index] != UInt8(ascii: "\n") { bytes[index] = UInt8(ascii: " ") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte offset in `sql` where the code (not a comment or string literal) first names `name`:
    /// a whole-word match if there is one, else any match; case-insensitive. For an error such as
    /// "no such column: revenue" that comes without a position.
    public static func firstMention(of name: String, in sql: String) -> Int? {
        let code = code(sql)
        func isWordCharacter(_ character: Character?) -> Bool {
            guard let character else { return false }
            return character.isLetter || character.isNumber || character == "_"
        }
        var firstAny: Range<String.Index>?
        var searchFrom = code.startIndex
        while let range = code.range(of: name, options: .caseInsensitive, range: searchFrom..<code.endIndex) {
            if firstAny == nil { firstAny = range }
            let before = range.lowerBound == code.startIndex ? nil : code[code.index(before: range.lowerBound)]
            let after = range.upperBound == code.endIndex ? nil : code[range.upperBound]
            if !isWordCharacter(before) && !isWordCharacter(after) {
                return code.utf8.distance(from: code.utf8.startIndex, to: range.lowerBound)
            }
            searchFrom = code.index(after: range.lowerBound)
        }
        return firstAny.map { code.utf8.distance(from: code.utf8.startIndex, to: $0.lowerBound) }
    }
}
