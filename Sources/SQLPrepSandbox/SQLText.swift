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

    /// A hint when the text contains a look-alike character, else nil.
    public static func lookalikeHint(_ text: String) -> String? {
        for (character, advice) in lookalikes {
            if let index = text.firstIndex(of: character) {
                let line = text[..<index].filter { $0 == "\n" }.count + 1
                return "Line \(line) contains \(advice)."
            }
        }
        return nil
    }
}
