/// Finds divisions of two integer expressions in SQL text: SQLite's integer ÷ integer drops the
/// fraction (3 / 4 = 0), the commonest silent mistake in a rate.
///
/// A textual check, not a parser. For each `/` it takes the operands as SQLite groups them (the
/// left one runs back over `*`, `/` and `%`, since `100.0 * a / b` is `(100.0 * a) / b`; the right
/// one is a single term) and calls the division real when either operand shows a real:
/// - a decimal literal (`1.0`, `100.0`, `2.`, `1e3`);
/// - a REAL, FLOAT or DOUBLE type name (`CAST(x AS REAL)`);
/// - a call that returns a real (`avg`, `total`, `julianday`, `round`, `sqrt`, …);
/// - a name whose definition in the query (`1.0 * SUM(x) AS n`) is real by these rules.
///
/// Everything else is taken as integer: the shop's numeric columns are all INTEGER, and counts,
/// sums of integers and comparisons are integers. A name defined twice counts as real if either
/// definition is, so that doubt never becomes a claim.
enum IntegerDivision {
    /// The integer divisions in `sql`, as written (whitespace collapsed), in order.
    static func find(in sql: String) -> [String] {
        let scan = Scan(sql)
        var realNames: [String: Bool] = [:]
        return scan.tokens.indices.compactMap { index -> String? in
            guard scan.tokens[index].text == "/", let left = scan.leftOperand(before: index),
                  let right = scan.rightOperand(after: index) else { return nil }
            if scan.isReal(left, names: &realNames) || scan.isReal(right, names: &realNames) { return nil }
            return scan.source(left.lowerBound...right.upperBound)
        }
    }

    /// Whether `sql` divides anything at all (outside strings and comments).
    static func divides(_ sql: String) -> Bool {
        Scan(sql).tokens.contains { $0.text == "/" }
    }

    struct Token {
        enum Kind { case word, number, string, symbol }
        let kind: Kind
        /// Lowercased, except strings.
        let text: String
        let range: Range<Int>
    }

    struct Scan {
        let characters: [Character]
        let tokens: [Token]
        /// The expressions the query names (`expr AS name`), by name, each back to the start of its
        /// select item.
        let definitions: [String: [ClosedRange<Int>]]

        static let realCalls: Set<String> = [
            "avg", "total", "julianday", "round", "sqrt", "pow", "power", "exp", "ln", "log", "log2", "log10",
            "percent_rank", "cume_dist", "pi", "sin", "cos", "tan", "radians", "degrees",
        ]
        static let realTypes: Set<String> = ["real", "float", "double"]

        init(_ sql: String) {
            characters = Array(sql)
            tokens = Scan.tokenize(characters)
            definitions = Scan.definitions(in: tokens)
        }

        /// Words (names joined with their qualifiers: `t.n_c`), numbers, strings and symbols;
        /// comments are skipped.
        static func tokenize(_ c: [Character]) -> [Token] {
            var tokens: [Token] = []
            var i = 0
            func isWordStart(_ x: Character) -> Bool { x.isLetter || x == "_" }
            func isWord(_ x: Character) -> Bool { x.isLetter || x.isNumber || x == "_" || x == "$" }
            while i < c.count {
                let start = i
                let x = c[i]
                let next: Character? = i + 1 < c.count ? c[i + 1] : nil
                if x.isWhitespace {
                    i += 1
                } else if x == "-" && next == "-" {
                    while i < c.count && c[i] != "\n" { i += 1 }
                } else if x == "/" && next == "*" {
                    i += 2
                    while i < c.count && !(c[i] == "*" && i + 1 < c.count && c[i + 1] == "/") { i += 1 }
                    i = min(c.count, i + 2)
                } else if x == "'" {
                    i += 1
                    while i < c.count {
                        if c[i] == "'" {
                            if i + 1 < c.count && c[i + 1] == "'" { i += 2; continue }
                            i += 1
                            break
                        }
                        i += 1
                    }
                    tokens.append(Token(kind: .string, text: String(c[start..<i]), range: start..<i))
                } else if x.isNumber || (x == "." && next?.isNumber == true) {
                    while i < c.count && (c[i].isNumber || c[i] == ".") { i += 1 }
                    if i < c.count && (c[i] == "e" || c[i] == "E") {
                        i += 1
                        if i < c.count && (c[i] == "+" || c[i] == "-") { i += 1 }
                        while i < c.count && c[i].isNumber { i += 1 }
                    }
                    tokens.append(Token(kind: .number, text: String(c[start..<i]).lowercased(), range: start..<i))
                } else if isWordStart(x) || x == "\"" || x == "`" || x == "[" {
                    // A name, possibly quoted, possibly qualified (t.col, "t"."col").
                    repeat {
                        if i < c.count, let close: Character = ["\"": "\"", "`": "`", "[": "]"][c[i]] {
                            i += 1
                            while i < c.count && c[i] != close { i += 1 }
                            i = min(c.count, i + 1)
                        } else {
                            while i < c.count && isWord(c[i]) { i += 1 }
                        }
                        guard i + 1 < c.count, c[i] == ".", isWordStart(c[i + 1]) || c[i + 1] == "\"" else { break }
                        i += 1
                    } while true
                    let text = String(c[start..<i]).lowercased().filter { !"\"`[]".contains($0) }
                    tokens.append(Token(kind: .word, text: text, range: start..<i))
                } else {
                    let pair = next.map { String([x, $0]) }
                    let width = pair.map { ["<=", ">=", "<>", "!=", "==", "||"].contains($0) } == true ? 2 : 1
                    i += width
                    tokens.append(Token(kind: .symbol, text: String(c[start..<i]), range: start..<i))
                }
            }
            return tokens
        }

        /// The source text of a token range, whitespace collapsed.
        func source(_ range: ClosedRange<Int>) -> String {
            let text = String(characters[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound].range.upperBound])
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        /// The index of the bracket that closes (`step` 1) or opens (`step` -1) the one at `index`.
        func matching(_ index: Int, open: String, close: String, step: Int) -> Int? {
            var depth = 0
            var i = index
            while tokens.indices.contains(i) {
                if tokens[i].text == open { depth += step }
                if tokens[i].text == close { depth -= step }
                if depth == 0 { return i }
                i += step
            }
            return nil
        }

        /// The first token of the term that ends at `end`: a name, a number, a string, a call,
        /// a parenthesised group or a CASE … END.
        func termStart(endingAt end: Int) -> Int? {
            guard tokens.indices.contains(end) else { return nil }
            let token = tokens[end]
            switch token.kind {
            case .number, .string: return end
            case .word:
                if token.text == "end" { return matching(end, open: "case", close: "end", step: -1) }
                return end
            case .symbol:
                guard token.text == ")", let open = matching(end, open: "(", close: ")", step: -1) else { return nil }
                return open > 0 && tokens[open - 1].kind == .word ? open - 1 : open
            }
        }

        /// The last token of the term that starts at `start` (after any sign).
        func termEnd(startingAt start: Int) -> Int? {
            var i = start
            while tokens.indices.contains(i) && (tokens[i].text == "-" || tokens[i].text == "+") { i += 1 }
            guard tokens.indices.contains(i) else { return nil }
            let token = tokens[i]
            switch token.kind {
            case .number, .string: return i
            case .word:
                if token.text == "case" { return matching(i, open: "case", close: "end", step: 1) }
                if i + 1 < tokens.count && tokens[i + 1].text == "(" { return matching(i + 1, open: "(", close: ")", step: 1) }
                return i
            case .symbol:
                return token.text == "(" ? matching(i, open: "(", close: ")", step: 1) : nil
            }
        }

        /// The left operand of the `/` at `index`: terms joined by `*`, `/` and `%`.
        func leftOperand(before index: Int) -> ClosedRange<Int>? {
            guard var start = termStart(endingAt: index - 1) else { return nil }
            while start >= 2, ["*", "/", "%"].contains(tokens[start - 1].text), let earlier = termStart(endingAt: start - 2) {
                start = earlier
            }
            return start...(index - 1)
        }

        func rightOperand(after index: Int) -> ClosedRange<Int>? {
            termEnd(startingAt: index + 1).map { (index + 1)...$0 }
        }

        /// Whether the tokens in `range` show a real (see the type's documentation). `names` holds
        /// what is known of the defined names, so that each definition is read once.
        func isReal(_ range: ClosedRange<Int>, names: inout [String: Bool]) -> Bool {
            for i in range {
                let token = tokens[i]
                switch token.kind {
                case .number:
                    if token.text.contains(".") || token.text.contains("e") { return true }
                case .string, .symbol:
                    continue
                case .word:
                    if Scan.realTypes.contains(token.text) { return true }
                    if i + 1 < tokens.count && tokens[i + 1].text == "(" {
                        if Scan.realCalls.contains(token.text) { return true }
                        continue
                    }
                    let name = token.text.split(separator: ".").last.map(String.init) ?? token.text
                    if let known = names[name] {
                        if known { return true }
                        continue
                    }
                    names[name] = false  // while its definitions are read: a name defined by itself is not real by that
                    let real = (definitions[name] ?? []).contains { isReal($0, names: &names) }
                    names[name] = real
                    if real { return true }
                }
            }
            return false
        }

        static func definitions(in tokens: [Token]) -> [String: [ClosedRange<Int>]] {
            var definitions: [String: [ClosedRange<Int>]] = [:]
            for i in tokens.indices where i > 0 && i + 1 < tokens.count && tokens[i].text == "as" && tokens[i + 1].kind == .word {
                var start = i - 1
                var depth = 0
                while start >= 0 {
                    let text = tokens[start].text
                    if text == ")" { depth += 1 } else if text == "(" {
                        if depth == 0 { break }
                        depth -= 1
                    } else if depth == 0 && [",", "select", "distinct", "all", "from", "join"].contains(text) {
                        break
                    }
                    start -= 1
                }
                if start + 1 <= i - 1 { definitions[tokens[i + 1].text, default: []].append((start + 1)...(i - 1)) }
            }
            return definitions
        }
    }
}
