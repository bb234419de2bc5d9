/// Reads SQL text the way SQLite's tokenizer does, as far as comments and quotes go, and splits it
/// into spans: code, comments, string literals and quoted identifiers. The one scanner behind
/// every question sqlprep asks of the raw text — is this file only comments? where does the
/// next statement start? which `;` ends a statement in the shell? which characters are code and
/// which are comment or data when a hint is chosen? — so that all of them agree with each other
/// and with SQLite.
///
/// The rules, byte by byte (the same as SQLite's `tokenize.c`):
/// - `--` starts a comment that runs to the end of the line (the line break is not part of it);
/// - `/*` starts a comment that runs to the first `*/` after it (`/*/` does not close it; comments
///   do not nest); one that never closes runs to the end of the text;
/// - `'…'` is a string literal, with `''` for a quote inside it;
/// - `"…"` and `` `…` `` are quoted identifiers, with `""` and ``` `` ``` for the quote inside;
/// - `[…]` is a quoted identifier that ends at the first `]` (there is no escape: `[a]]` is the
///   identifier `a` followed by a stray `]`);
/// - a literal or identifier that never closes runs to the end of the text;
/// - inside any of these, nothing else starts: a `'` in a comment, a `--` in a string, a `;` in
///   an identifier are just characters.
///
/// One departure, kept on purpose: SQLite reads a `/*` that is the last two bytes of the text as
/// the operators `/` and `*`; the scanner reads it as a comment that never closes, as sqlprep
/// always has, so that a file or shell line ending in `/*` counts as a comment being written,
/// not as code.
///
/// Bytes, not `Character`s: SQLite's offsets are byte offsets, and a combining mark after a quote
/// or `;` makes one `Character` of the two, which would hide the quote from a character-based scan.
public struct SQLScanner: Sequence, IteratorProtocol {
    /// What a span of the text is.
    public enum Kind: Sendable, Hashable {
        /// Keywords, names, numbers, operators, whitespace and `;`: everything outside the kinds below.
        case code
        /// `-- …` up to (not including) the line break.
        case lineComment
        /// `/* … */`.
        case blockComment
        /// `'…'`.
        case stringLiteral
        /// `"…"`, `` `…` `` or `[…]`: a name, so code, but nothing starts inside it.
        case quotedIdentifier
    }

    /// A run of bytes of one kind. `range` indexes the scanned bytes.
    public struct Span: Sendable, Hashable {
        public let kind: Kind
        public let range: Range<Int>
        /// False for a block comment, literal or quoted identifier that runs to the end of the
        /// text without its closing mark; always true for code and line comments.
        public let isClosed: Bool

        public init(_ kind: Kind, _ range: Range<Int>, isClosed: Bool = true) {
            self.kind = kind
            self.range = range
            self.isClosed = isClosed
        }
    }

    private let bytes: [UInt8]
    private var position: Int

    /// Scans `bytes` (UTF-8 SQL text) from byte `start`.
    public init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        self.position = Swift.max(0, Swift.min(start, bytes.count))
    }

    /// Scans the UTF-8 bytes of `text`.
    public init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// The next span, or nil at the end of the text.
    public mutating func next() -> Span? {
        guard position < bytes.count else { return nil }
        let start = position
        if let kind = openingKind(at: start) {
            let (end, closed) = endOfSpan(kind, openedAt: start)
            position = end
            return Span(kind, start..<end, isClosed: closed)
        }
        var end = start + 1
        while end < bytes.count && openingKind(at: end) == nil { end += 1 }
        position = end
        return Span(.code, start..<end)
    }

    // MARK: - The rules

    private static let dash = UInt8(ascii: "-"), slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
    private static let apostrophe = UInt8(ascii: "'"), doubleQuote = UInt8(ascii: "\""), backtick = UInt8(ascii: "`")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]"), newline = UInt8(ascii: "\n")

    /// The kind of span that starts at `index`, or nil when the byte there is code.
    private func openingKind(at index: Int) -> Kind? {
        let byte = bytes[index]
        let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
        switch byte {
        case Self.dash where next == Self.dash: return .lineComment
        case Self.slash where next == Self.star: return .blockComment
        case Self.apostrophe: return .stringLiteral
        case Self.doubleQuote, Self.backtick, Self.openBracket: return .quotedIdentifier
        default: return nil
        }
    }

    /// Where the span of `kind` that opens at `start` ends (exclusive), and whether it was closed.
    private func endOfSpan(_ kind: Kind, openedAt start: Int) -> (end: Int, closed: Bool) {
        let count = bytes.count
        switch kind {
        case .code:
            return (start + 1, true)  // not an opening: code spans are measured in `next()`
        case .lineComment:
            var index = start + 2
            while index < count && bytes[index] != Self.newline { index += 1 }
            return (index, true)
        case .blockComment:
            var index = start + 2
            while index + 1 < count {
                if bytes[index] == Self.star && bytes[index + 1] == Self.slash { return (index + 2, true) }
                index += 1
            }
            return (count, false)
        case .stringLiteral, .quotedIdentifier:
            let open = bytes[start]
            let close = open == Self.openBracket ? Self.closeBracket : open
            let doubles = open != Self.openBracket  // '' "" `` escape their quote; [ ] has no escape
            var index = start + 1
            while index < count {
                if bytes[index] == close {
                    if doubles && index + 1 < count && bytes[index + 1] == close {
                        index += 2
                        continue
                    }
                    return (index + 1, true)
                }
                index += 1
            }
            return (count, false)
        }
    }
}

extension SQLScanner {
    /// SQLite's whitespace between tokens (space, tab, line feed, carriage return, form feed; not
    /// vertical tab, which SQLite's tokenizer rejects), and `;`, which separates statements.
    static func isSpaceOrSemicolon(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == UInt8(ascii: ";")
    }

    /// The byte index of the first token at or after `start`: the first byte that is not
    /// whitespace, `;` or part of a comment. Nil when there is none.
    static func firstToken(in bytes: [UInt8], from start: Int = 0) -> Int? {
        var scanner = SQLScanner(bytes, from: start)
        while let span = scanner.next() {
            switch span.kind {
            case .lineComment, .blockComment:
                continue
            case .stringLiteral, .quotedIdentifier:
                return span.range.lowerBound
            case .code:
                if let index = span.range.first(where: { !isSpaceOrSemicolon(bytes[$0]) }) { return index }
            }
        }
        return nil
    }

    /// The byte index of the first `;` that is code (not inside a comment, literal or quoted
    /// identifier), or nil.
    static func firstStatementEnd(in bytes: [UInt8]) -> Int? {
        var scanner = SQLScanner(bytes)
        while let span = scanner.next() {
            if span.kind == .code, let index = span.range.first(where: { bytes[$0] == UInt8(ascii: ";") }) { return index }
        }
        return nil
    }
}
