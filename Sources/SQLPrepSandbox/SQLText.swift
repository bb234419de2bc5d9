import Foundation

/// Turns the bytes of a learner's file into SQL text, or says precisely why not — before SQLite
/// sees anything.
///
/// - a size cap (``SandboxLimits/maxSQLBytes``);
/// - UTF-16 (a byte-order mark or the telltale zero bytes) is refused with a message saying to save as UTF-8;
/// - NUL bytes are refused: SQLite stops reading at the first one, so `SELECT 1<NUL>; DROP …`
///   would silently run only `SELECT 1`;
/// - invalid UTF-8 is refused with the byte offset;
/// - a UTF-8 byte-order mark is dropped.
public enum SQLText {
    public static func decode(_ bytes: [UInt8], limits: SandboxLimits) -> Result<String, QueryFailure> {
        if bytes.count > limits.maxSQLBytes {
            return .failure(QueryFailure(
                .invalidInput,
                "The query is \(bytes.count) bytes; the limit is \(limits.maxSQLBytes) bytes.",
                hint: "Submit a single query, not a data dump."))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(bytes) {
            return .failure(QueryFailure(
                .invalidInput, "The file is UTF-16 text; sqlprep reads UTF-8.",
                hint: "Save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)."))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            return .failure(QueryFailure(
                .invalidInput, "The query contains a NUL byte at byte \(nul - body.startIndex + 1).",
                hint: "Remove the NUL byte; SQL text never contains one."))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(body)
            return .failure(QueryFailure(
                .invalidInput, "The query is not valid UTF-8 (first bad byte at offset \(offset)).",
                hint: "Save the file as UTF-8."))
        }
        if isOnlyCommentsAndSpace(text) {
            return .failure(QueryFailure(
                .empty, "The query is empty: the file holds no SQL, only whitespace or comments.",
                hint: "Write one SELECT statement below the comments."))
        }
        return .success(text)
    }

    /// Zero bytes in alternating positions are the mark of UTF-16 without a byte-order mark.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(64)
        guard sample.count >= 4 else { return false }
        let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let half = sample.count / 2
        return evenZeros * 10 >= half * 7 || oddZeros * 10 >= half * 7
    }

    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var low = 0, high = bytes.count
        // The longest valid prefix, found by bisection on String(validating:).
        while low < high {
            let mid = (low + high + 1) / 2
            let prefix = bytes.prefix(mid)
            if String(validating: prefix, as: UTF8.self) != nil || isTruncatedSequence(prefix) { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private static func isTruncatedSequence(_ prefix: ArraySlice<UInt8>) -> Bool {
        // A prefix that ends inside a multi-byte sequence is not where the error is.
        for drop in 1...3 where prefix.count >= drop {
            if String(validating: prefix.dropLast(drop), as: UTF8.self) != nil {
                let lead = prefix[prefix.endIndex - drop]
                return lead >= 0xC2 && lead <= 0xF4
            }
        }
        return false
    }

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
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == UInt8(ascii: ";") {
                i += 1
            } else if byte == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "-") {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            } else if byte == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < bytes.count && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
            } else {
                return i
            }
        }
        return nil
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
        let count = bytes.count
        let quote = UInt8(ascii: "'"), newline = UInt8(ascii: "\n")
        func blank(_ range: Range<Int>) {
            for index in range where bytes[index] != newline { bytes[index] = UInt8(ascii: " ") }
        }
        var i = 0
        while i < count {
            let byte = bytes[i]
            let next: UInt8? = i + 1 < count ? bytes[i + 1] : nil
            if byte == UInt8(ascii: "-"), next == UInt8(ascii: "-") {
                let start = i
                while i < count && bytes[i] != newline { i += 1 }
                blank(start..<i)
            } else if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                let start = i
                i += 2
                while i < count && !(bytes[i] == UInt8(ascii: "*") && i + 1 < count && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i = min(i + 2, count)  // an unclosed comment runs to the end, as in SQLite
                blank(start..<i)
            } else if byte == quote {
                let start = i
                i += 1
                var closed = false
                while i < count {
                    if bytes[i] == quote {
                        if i + 1 < count && bytes[i + 1] == quote { i += 2; continue }  // '' inside the literal
                        i += 1
                        closed = true
                        break
                    }
                    i += 1
                }
                if closed && !keepingStrings { blank(start..<i) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "[") {
                // A quoted identifier: code, but a -- or ' inside it starts nothing.
                let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : byte
                i += 1
                while i < count {
                    if bytes[i] == close {
                        if close != UInt8(ascii: "]") && i + 1 < count && bytes[i + 1] == close { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
            } else {
                i += 1
            }
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
