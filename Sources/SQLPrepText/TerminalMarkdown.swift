/// The Markdown of the course's texts (prompts, hints, explanations) rendered as terminal text:
/// no stray asterisks or backticks; bold, underline and colour only when `style` has colour.
///
/// ```swift
/// TerminalMarkdown.render("**Metric.** Orders per `status`:\n\n- one\n- two", style: TextStyle(color: false), width: 40)
/// // "Metric. Orders per status:\n\n  • one\n  • two"
/// ```
///
/// What it reads is the subset the course uses (`Exercises/README.md`): paragraphs (re-wrapped to
/// `width`), `*emphasis*` / `_emphasis_`, `**strong**`, `` `code` `` spans (kept verbatim), fenced
/// code blocks (verbatim, indented), `-`/`*`/`+` and `1.` lists (nested by indentation, wrapped
/// with a hanging indent), `#` headings, `>` quotes, pipe tables (aligned columns) and backslash
/// escapes. Anything else is shown as written.
///
/// Why not a library: JohnSundell/Ink, the one Markdown package on the allowed list, renders HTML;
/// turning its HTML back into terminal text would need an HTML reader as well, for a subset this
/// small. A line-based reader of that subset is a page of code, depends on nothing, and lets the
/// wrapping count only visible characters (ANSI codes take no columns).
public enum TerminalMarkdown {
    /// `markdown` as terminal text, paragraphs and list items wrapped to `width` columns (lines of
    /// code and table rows are never cut). Blocks are separated by one blank line; no trailing newline.
    public static func render(_ markdown: String, style: TextStyle, width: Int = 100) -> String {
        // Split on line feeds; a carriage return before one is dropped (a `\r\n` is one Character).
        let lines = markdown.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line[...]))
        }
        let blocks = Reader(lines: lines).blocks()
        return blocks.map { $0.render(style: style, width: max(20, width)) }.joined(separator: "\n\n")
    }

    /// One line of inline Markdown (emphasis, strong, code) as styled text, not wrapped.
    public static func inline(_ text: String, style: TextStyle) -> String {
        Inline.parse(text).map { $0.styled(style) }.joined()
    }

    /// The plain text of inline Markdown: what a reader sees, without styling.
    public static func plainInline(_ text: String) -> String {
        Inline.parse(text).map(\.text).joined()
    }

    // MARK: Blocks

    enum Block {
        case paragraph(String)
        case heading(String)
        case code([String])
        /// Items of one list: the marker shown (`•` or `1.`), the item's own blocks.
        case list([(marker: String, blocks: [Block])])
        case quote([Block])
        case table([[String]])

        /// A list: each marker after `indent`, the item's lines under its text. A list inside an item
        /// takes no indent of its own: its markers line up under the item's text.
        static func list(_ items: [(marker: String, blocks: [Block])], indent: String, style: TextStyle, width: Int) -> String {
            let markerWidth = items.map(\.marker.count).max() ?? 1
            let hang = String(repeating: " ", count: indent.count + markerWidth + 1)
            return items.map { item in
                let first = indent + item.marker + String(repeating: " ", count: markerWidth - item.marker.count + 1)
                // An item's blocks (its text, a nested list) follow each other without a blank line: the
                // course's lists are tight.
                let body = item.blocks.map { block -> String in
                    if case .list(let nested) = block { return Block.list(nested, indent: "", style: style, width: width - hang.count) }
                    return block.render(style: style, width: width - hang.count)
                }.joined(separator: "\n")
                return body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                    index == 0 ? first + line : (line.isEmpty ? "" : hang + line)
                }.joined(separator: "\n")
            }.joined(separator: "\n")
        }

        func render(style: TextStyle, width: Int) -> String {
            switch self {
            case .paragraph(let text):
                return Wrap.lines(Inline.parse(text), width: width).map { Wrap.styled($0, style) }.joined(separator: "\n")
            case .heading(let text):
                return Wrap.lines(Inline.parse(text).map { $0.with(strong: true) }, width: width).map { Wrap.styled($0, style) }.joined(separator: "\n")
            case .code(let lines):
                return lines.map { "    " + $0 }.joined(separator: "\n")
            case .list(let items):
                return Block.list(items, indent: "  ", style: style, width: width)
            case .quote(let blocks):
                return blocks.map { $0.render(style: style, width: width - 2) }.joined(separator: "\n\n")
                    .split(separator: "\n", omittingEmptySubsequences: false).map { "│ " + $0 }.joined(separator: "\n")
            case .table(let rows):
                return Table.render(rows, style: style)
            }
        }
    }

    /// Reads lines into blocks.
    struct Reader {
        let lines: [String]

        func blocks() -> [Block] {
            var index = 0
            return blocks(from: &index, until: lines.count)
        }

        private static func indentation(_ line: String) -> Int { line.prefix(while: { $0 == " " }).count }
        private static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
        private static func isFence(_ line: String) -> Bool { line.trimmingLeadingSpaces.hasPrefix("```") || line.trimmingLeadingSpaces.hasPrefix("~~~") }
        private static func isTableRow(_ line: String) -> Bool { line.trimmingLeadingSpaces.hasPrefix("|") }
        private static func isHeading(_ line: String) -> Bool {
            let trimmed = line.trimmingLeadingSpaces
            let hashes = trimmed.prefix(while: { $0 == "#" }).count
            return (1...6).contains(hashes) && (trimmed.count == hashes || trimmed.dropFirst(hashes).first == " ")
        }

        /// A list item's marker and where its text starts: `- `, `* `, `+ `, `12. `, `3) `.
        static func listMarker(_ line: String) -> (marker: String, contentColumn: Int)? {
            let indent = indentation(line)
            let rest = line.dropFirst(indent)
            if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
                // `***` or `- - -` is a rule, not a list; `**bold**` at a line's start has no space after the first `*`.
                return ("•", indent + 2 + rest.dropFirst(2).prefix(while: { $0 == " " }).count)
            }
            let digits = rest.prefix(while: \.isNumber)
            if !digits.isEmpty, digits.count <= 9, let after = rest.dropFirst(digits.count).first, after == "." || after == ")",
               rest.dropFirst(digits.count + 1).first == " " {
                return (digits + ".", indent + digits.count + 2 + rest.dropFirst(digits.count + 2).prefix(while: { $0 == " " }).count)
            }
            return nil
        }

        private func blocks(from index: inout Int, until end: Int) -> [Block] {
            var blocks: [Block] = []
            while index < end {
                let line = lines[index]
                if Reader.isBlank(line) {
                    index += 1
                } else if Reader.isFence(line) {
                    let fence = String(line.trimmingLeadingSpaces.prefix(3))
                    let indent = Reader.indentation(line)
                    var code: [String] = []
                    index += 1
                    while index < end, !lines[index].trimmingLeadingSpaces.hasPrefix(fence) {
                        code.append(String(lines[index].dropFirst(min(indent, Reader.indentation(lines[index])))))
                        index += 1
                    }
                    index += 1  // the closing fence
                    blocks.append(.code(code))
                } else if Reader.isHeading(line) {
                    let text = line.trimmingLeadingSpaces.drop(while: { $0 == "#" }).trimmingLeadingSpaces
                    blocks.append(.heading(String(text.reversed().drop(while: { $0 == "#" || $0 == " " }).reversed())))
                    index += 1
                } else if Reader.isTableRow(line) {
                    var rows: [[String]] = []
                    while index < end, Reader.isTableRow(lines[index]) {
                        let cells = Table.cells(lines[index])
                        if !cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-: ".contains($0) } }) { rows.append(cells) }
                        index += 1
                    }
                    blocks.append(.table(rows))
                } else if line.trimmingLeadingSpaces.hasPrefix(">") {
                    var quoted: [String] = []
                    while index < end, lines[index].trimmingLeadingSpaces.hasPrefix(">") {
                        let text = lines[index].trimmingLeadingSpaces.dropFirst()
                        quoted.append(String(text.first == " " ? text.dropFirst() : text))
                        index += 1
                    }
                    blocks.append(.quote(Reader(lines: quoted).blocks()))
                } else if Reader.listMarker(line) != nil {
                    blocks.append(list(from: &index, until: end))
                } else {
                    var text = [line.trimmingLeadingSpaces]
                    index += 1
                    while index < end, !Reader.isBlank(lines[index]), !startsBlock(lines[index]) {
                        text.append(lines[index].trimmingLeadingSpaces)
                        index += 1
                    }
                    blocks.append(.paragraph(text.joined(separator: " ")))
                }
            }
            return blocks
        }

        private func startsBlock(_ line: String) -> Bool {
            Reader.isFence(line) || Reader.isHeading(line) || Reader.isTableRow(line) || line.trimmingLeadingSpaces.hasPrefix(">")
                || Reader.listMarker(line) != nil
        }

        /// Items at one indentation: each takes the lines after its marker that are indented to its
        /// text (or continue its paragraph), read as blocks of their own (so lists nest).
        private func list(from index: inout Int, until end: Int) -> Block {
            let baseIndent = Reader.indentation(lines[index])
            var items: [(marker: String, blocks: [Block])] = []
            while index < end, let found = Reader.listMarker(lines[index]), Reader.indentation(lines[index]) == baseIndent {
                let (marker, column) = found
                var body = [String(lines[index].dropFirst(column))]
                index += 1
                while index < end {
                    let line = lines[index]
                    if Reader.isBlank(line) {
                        // A blank line ends the item unless what follows is indented into it.
                        let next = lines[index...].dropFirst().first { !Reader.isBlank($0) }
                        guard let next, Reader.indentation(next) >= column else { break }
                        body.append("")
                    } else if Reader.indentation(line) >= column {
                        body.append(String(line.dropFirst(column)))
                    } else if Reader.listMarker(line) == nil, !startsBlock(line), body.last.map({ !Reader.isBlank($0) }) ?? false {
                        body.append(line.trimmingLeadingSpaces)  // a lazy continuation of the item's paragraph
                    } else {
                        break
                    }
                    index += 1
                }
                items.append((marker, Reader(lines: body).blocks()))
                while index < end, Reader.isBlank(lines[index]),
                      let next = lines[index...].first(where: { !Reader.isBlank($0) }), Reader.listMarker(next) != nil,
                      Reader.indentation(next) == baseIndent {
                    index += 1
                }
            }
            return .list(items)
        }
    }

    // MARK: Inline text

    /// A run of text with one set of attributes.
    struct Span: Equatable {
        var text: String
        var strong = false
        var emphasis = false
        var code = false

        func with(strong: Bool) -> Span { var copy = self; copy.strong = copy.strong || strong; return copy }

        func styled(_ style: TextStyle) -> String {
            var codes: [String] = []
            if strong { codes.append("1") }
            if emphasis { codes.append("4") }
            if code { codes.append("36") }
            return codes.isEmpty ? text : style.wrap(text, codes.joined(separator: ";"))
        }
    }

    enum Inline {
        /// Splits inline Markdown into spans. Code spans first (their content is verbatim), then
        /// `**`/`__` and `*`/`_` pairs that open before a non-space and close after one; `_` only at
        /// word edges, so `share_pct` stays a name. A marker without its pair is text.
        static func parse(_ text: String) -> [Span] {
            // Code spans are read first and stand in the text as one placeholder character each (from a
            // private-use plane), so emphasis can span them (`**a `b` c**`) and never looks inside.
            var codes: [String] = []
            let chars = Array(text)
            var plain = ""
            var index = 0
            while index < chars.count {
                let char = chars[index]
                if char == "\\", index + 1 < chars.count, chars[index + 1].isPunctuation || chars[index + 1].isSymbol {
                    plain.append("\u{E000}")  // an escaped character: kept out of emphasis matching, restored below
                    plain.append(chars[index + 1])
                    index += 2
                } else if char == "`" {
                    let run = chars[index...].prefix(while: { $0 == "`" }).count
                    if let close = closingBackticks(chars, from: index + run, run: run) {
                        var code = String(chars[(index + run)..<close])
                        // One space of padding on both sides is dropped, so `` `x` `` can show a backtick.
                        if code.count >= 2, code.first == " ", code.last == " ", code.contains(where: { $0 != " " }) {
                            code = String(code.dropFirst().dropLast())
                        }
                        plain.unicodeScalars.append(Unicode.Scalar(Inline.placeholderBase + UInt32(codes.count))!)
                        codes.append(code)
                        index = close + run
                    } else {
                        plain.append(String(repeating: "`", count: run))
                        index += run
                    }
                } else {
                    plain.append(char)
                    index += 1
                }
            }
            var spans: [Span] = []
            for span in emphasis(plain) {
                var piece = span
                piece.text = ""
                for scalar in span.text.unicodeScalars where scalar != "\u{E000}" {
                    if scalar.value >= Inline.placeholderBase, case let number = Int(scalar.value - Inline.placeholderBase), number < codes.count {
                        if !piece.text.isEmpty { spans.append(piece); piece.text = "" }
                        var code = span
                        code.text = codes[number]
                        code.code = true
                        spans.append(code)
                    } else {
                        piece.text.unicodeScalars.append(scalar)
                    }
                }
                if !piece.text.isEmpty { spans.append(piece) }
            }
            return spans
        }

        /// Plane 15, private use: code-span placeholders while emphasis is matched.
        static let placeholderBase: UInt32 = 0xF0000

        private static func closingBackticks(_ chars: [Character], from start: Int, run: Int) -> Int? {
            var index = start
            while index < chars.count {
                if chars[index] == "`" {
                    let length = chars[index...].prefix(while: { $0 == "`" }).count
                    if length == run { return index }
                    index += length
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// Emphasis and strong in text without code spans.
        private static func emphasis(_ text: String) -> [Span] {
            let chars = Array(text)
            for (marker, strong) in [("**", true), ("__", true), ("*", false), ("_", false)] {
                let m = Array(marker)
                var open = 0
                while open + m.count <= chars.count {
                    if Array(chars[open..<(open + m.count)]) == m, canOpen(chars, at: open, length: m.count),
                       let close = findClose(chars, marker: m, after: open + m.count) {
                        let before = String(chars[..<open]), inside = String(chars[(open + m.count)..<close])
                        let after = String(chars[(close + m.count)...])
                        let inner = emphasis(inside).map { span -> Span in
                            var copy = span
                            if strong { copy.strong = true } else { copy.emphasis = true }
                            return copy
                        }
                        return emphasis(before) + inner + emphasis(after)
                    }
                    open += 1
                }
            }
            return text.isEmpty ? [] : [Span(text: text)]
        }

        private static func isEscaped(_ chars: [Character], _ index: Int) -> Bool { index > 0 && chars[index - 1] == "\u{E000}" }

        private static func canOpen(_ chars: [Character], at index: Int, length: Int) -> Bool {
            guard !isEscaped(chars, index), index + length < chars.count, !chars[index + length].isWhitespace else { return false }
            if index > 0, chars[index - 1] == chars[index] { return false }  // part of a longer run
            if chars[index] == "_", index > 0, chars[index - 1].isLetter || chars[index - 1].isNumber { return false }
            return true
        }

        private static func findClose(_ chars: [Character], marker: [Character], after start: Int) -> Int? {
            var index = start + 1
            while index + marker.count <= chars.count {
                if Array(chars[index..<(index + marker.count)]) == marker, !chars[index - 1].isWhitespace, !isEscaped(chars, index),
                   index + marker.count == chars.count || chars[index + marker.count] != marker[0] {
                    let next = index + marker.count < chars.count ? chars[index + marker.count] : " "
                    if marker[0] != "_" || !(next.isLetter || next.isNumber) { return index }
                }
                index += 1
            }
            return nil
        }
    }

    // MARK: Wrapping

    enum Wrap {
        /// A word: the spans between two spaces (`**Metric.**` and `` `orders`; `` are one word each).
        /// A code span is never broken: its spaces are part of the word, so a line break can never
        /// land inside code that a learner may copy (a code span wider than the line gets a line of its own).
        typealias Word = [Span]

        static func words(_ spans: [Span]) -> [Word] {
            var words: [Word] = []
            var current: Word = []
            for span in spans {
                let pieces = span.code ? [Substring(span.text)] : span.text.split(separator: " ", omittingEmptySubsequences: false)
                for (index, piece) in pieces.enumerated() {
                    if index > 0, !current.isEmpty { words.append(current); current = [] }
                    if !piece.isEmpty { var copy = span; copy.text = String(piece); current.append(copy) }
                }
            }
            if !current.isEmpty { words.append(current) }
            return words
        }

        /// Words filled into lines of at most `width` visible characters (a longer word gets a line to itself).
        static func lines(_ spans: [Span], width: Int) -> [[Span]] {
            var lines: [[Span]] = []
            var line: [Span] = []
            var length = 0
            for word in words(spans) {
                let wordLength = word.reduce(0) { $0 + $1.text.count }
                if length > 0, length + 1 + wordLength > width {
                    lines.append(line)
                    line = []
                    length = 0
                }
                if length > 0 {
                    // The space takes the attributes both sides share, so an underline runs on between words.
                    var space = word[0]
                    space.text = " "
                    if let last = line.last { space.strong = space.strong && last.strong; space.emphasis = space.emphasis && last.emphasis; space.code = space.code && last.code }
                    line.append(space)
                    length += 1
                }
                line.append(contentsOf: word)
                length += wordLength
            }
            if !line.isEmpty || lines.isEmpty { lines.append(line) }
            return lines
        }

        static func styled(_ line: [Span], _ style: TextStyle) -> String {
            // Neighbouring spans with the same attributes become one, so the escape codes stay few.
            var merged: [Span] = []
            for span in line {
                if var last = merged.last, last.strong == span.strong, last.emphasis == span.emphasis, last.code == span.code {
                    last.text += span.text
                    merged[merged.count - 1] = last
                } else {
                    merged.append(span)
                }
            }
            return merged.map { $0.styled(style) }.joined()
        }
    }

    // MARK: Tables

    enum Table {
        static func cells(_ line: String) -> [String] {
            var text = line.trimmingLeadingSpaces
            if text.hasPrefix("|") { text.removeFirst() }
            while text.last == " " { text.removeLast() }
            if text.hasSuffix("|"), !text.hasSuffix("\\|") { text.removeLast() }
            // Split on pipes outside code spans.
            var cells: [String] = [], cell = "", inCode = false
            for char in text {
                if char == "`" { inCode.toggle() }
                if char == "|", !inCode, cell.last != "\\" { cells.append(cell); cell = "" } else { cell.append(char) }
            }
            cells.append(cell)
            return cells.map { $0.trimmingLeadingSpaces.trimmingTrailingSpaces }
        }

        /// Columns padded to their widest cell, two spaces apart; the header bold and underlined with `─`.
        static func render(_ rows: [[String]], style: TextStyle) -> String {
            let spans = rows.map { $0.map { Inline.parse($0) } }
            let columns = spans.map(\.count).max() ?? 0
            var widths = [Int](repeating: 0, count: columns)
            for row in spans { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.reduce(0) { $0 + $1.text.count }) } }
            var out: [String] = []
            for (rowIndex, row) in spans.enumerated() {
                let line = (0..<columns).map { column -> String in
                    let cell = column < row.count ? row[column] : []
                    let length = cell.reduce(0) { $0 + $1.text.count }
                    let text = Wrap.styled(rowIndex == 0 ? cell.map { $0.with(strong: true) } : cell, style)
                    return column == columns - 1 ? text : text + String(repeating: " ", count: widths[column] - length)
                }.joined(separator: "  ")
                out.append("  " + line)
                if rowIndex == 0, rows.count > 1 {
                    out.append("  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
                }
            }
            return out.joined(separator: "\n")
        }
    }
}

extension StringProtocol {
    var trimmingLeadingSpaces: String { String(drop(while: { $0 == " " || $0 == "\t" })) }
    var trimmingTrailingSpaces: String { String(String(self).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()) }
}
