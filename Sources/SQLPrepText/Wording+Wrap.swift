extension Wording {
    /// How many columns `text` takes on a terminal: its characters, not counting ANSI escape
    /// sequences (`ESC [ … letter`, what ``TextStyle`` writes). Every character counts as one column.
    public static func visibleWidth<S: StringProtocol>(_ text: S) -> Int {
        var width = 0
        var inEscape = false
        var afterEscape = false
        for scalar in text.unicodeScalars {
            if afterEscape {
                afterEscape = false
                inEscape = scalar == "["
                continue
            }
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                afterEscape = true
                continue
            }
            // Combining marks and the like share their base character's column.
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { continue }
            width += 1
        }
        return width
    }

    /// One line of text broken at spaces into lines of at most `width` columns (ANSI escapes take
    /// none): a word moves whole to the next line, and only a word longer than a line is cut.
    /// Continuation lines keep the line's indent (its leading spaces), unless that indent would take
    /// more than half the width. A line that fits is returned unchanged.
    public static func wrap(_ line: String, width: Int) -> [String] {
        let width = max(width, 1)
        guard visibleWidth(line) > width else { return [line] }
        let indentCount = line.prefix { $0 == " " }.count
        let indent = indentCount * 2 <= width ? String(repeating: " ", count: indentCount) : ""
        var lines: [String] = []
        var current = String(line.prefix(indentCount))
        var currentWidth = visibleWidth(current)
        var currentHasWord = false
        for word in line.dropFirst(indentCount).split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            let wordWidth = visibleWidth(word)
            if currentHasWord && currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = indent
                currentWidth = indent.count
                currentHasWord = false
            }
            if currentHasWord {
                current += " "
                currentWidth += 1
            }
            // A word longer than a whole line: cut it where the line ends.
            while currentWidth + visibleWidth(word) > width, width - currentWidth > 0 {
                let (head, tail) = split(word, columns: width - currentWidth)
                lines.append(current + head)
                current = indent
                currentWidth = indent.count
                word = tail
                if indent.count >= width { current = ""; currentWidth = 0 }
            }
            current += word
            currentWidth += visibleWidth(word)
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }

    /// `text` cut after `columns` visible columns, escapes kept with what precedes them.
    private static func split(_ text: Substring, columns: Int) -> (Substring, Substring) {
        var width = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\u{1B}" {
                // Skip the whole escape sequence.
                var end = next
                if end < text.endIndex, text[end] == "[" {
                    end = text.index(after: end)
                    while end < text.endIndex, !(text[end].unicodeScalars.first.map { (0x40...0x7E).contains($0.value) } ?? true) {
                        end = text.index(after: end)
                    }
                    if end < text.endIndex { end = text.index(after: end) }
                }
                index = end
                continue
            }
            if width == columns { break }
            width += visibleWidth(String(character))
            index = next
        }
        return (text[..<index], text[index...])
    }
}
