/// A learner's SQL that passed every check made before SQLite sees it, decoded once. Every later
/// step (preparing, locating an error, hints, the grader's statement key) takes this value, so
/// the text is admitted and decoded exactly once.
///
/// The checks, in order, for a file's bytes (``admit(bytes:limits:)``):
/// - a size cap (``SandboxLimits/maxSQLBytes``);
/// - UTF-16 (a byte-order mark or the telltale zero bytes) is refused with a message saying to save as UTF-8;
/// - a UTF-8 byte-order mark is dropped;
/// - NUL bytes are refused: SQLite stops reading at the first one, so `SELECT 1<NUL>; DROP …`
///   would silently run only `SELECT 1`;
/// - invalid UTF-8 is refused with the byte offset;
/// - a file with no SQL (only whitespace, `;` and comments) is refused as empty.
///
/// Text that is already a `String` (a reference query, the shell) passes the checks that can
/// apply to it (``admit(text:limits:)``), with shorter messages that do not speak of a file.
///
/// Whether the text holds one statement or several is decided later, by SQLite itself while it
/// prepares the first one: only SQLite knows where a statement ends.
public struct AdmittedQuery: Sendable, Hashable {
    /// The SQL, without a UTF-8 byte-order mark.
    public let text: String
    /// The UTF-8 bytes of ``text``: what SQLite prepares, and what its byte offsets count.
    public let utf8: [UInt8]
    /// Where the statement starts and ends in ``utf8``: without the whitespace, `;` and comments
    /// before it, and without the whitespace and `;` after it (see ``statement``).
    public let statementRange: Range<Int>

    private init(text: String, utf8: [UInt8]) {
        self.text = text
        self.utf8 = utf8
        let statement = SQLText.statement(in: utf8)
        self.statementRange = statement.startIndex..<statement.endIndex
    }

    /// The statement without what SQLite skips around it: two files with the same statement give
    /// the same result (though an error's line and column may differ).
    public var statement: ArraySlice<UInt8> { utf8[statementRange] }

    /// Admits the bytes of a learner's file, or says precisely why not.
    public static func admit(bytes: [UInt8], limits: SandboxLimits) -> Result<AdmittedQuery, QueryFailure> {
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
        let query = AdmittedQuery(text: text, utf8: Array(body))
        if query.statementRange.isEmpty {
            return .failure(QueryFailure(
                .empty, "The query is empty: the file holds no SQL, only whitespace or comments.",
                hint: "Write one SELECT statement below the comments."))
        }
        return .success(query)
    }

    /// Admits SQL that is already text: the size cap, NUL bytes, and emptiness.
    public static func admit(text: String, limits: SandboxLimits) -> Result<AdmittedQuery, QueryFailure> {
        let utf8 = Array(text.utf8)
        if utf8.count > limits.maxSQLBytes {
            return .failure(QueryFailure(.invalidInput, "The query is \(utf8.count) bytes; the limit is \(limits.maxSQLBytes) bytes."))
        }
        if utf8.contains(0) {
            return .failure(QueryFailure(.invalidInput, "The query contains a NUL byte.", hint: "Remove the NUL byte."))
        }
        let query = AdmittedQuery(text: text, utf8: utf8)
        if query.statementRange.isEmpty {
            return .failure(QueryFailure(.empty, "The query is empty: no SQL, only whitespace or comments.",
                                         hint: "Write one SELECT statement."))
        }
        return .success(query)
    }

    // MARK: - Encoding checks

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
}
