import Foundation
import SQLiteKit
import SQLPrepText

/// Renders a ``QueryResult`` as text in the sqlite3 shell's output modes: a box-drawn table
/// (`table`, and `box` as sqlite3 calls it), aligned columns, Markdown, one `name = value` line per
/// value, CSV (RFC 4180) or JSON. Pure string building; the CLI decides where it goes.
public struct ResultFormatter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table, box, column, markdown, line, csv, json

        /// Formats for people, which print at most ``ResultFormatter/maxRows`` rows and say how
        /// many they left out; csv and json are for programs and hold every row.
        public var isForPeople: Bool { self != .csv && self != .json }
    }

    /// Rows printed at most in the formats for people; the rest are counted in the note under them.
    public var maxRows: Int = 50
    /// Characters shown of one value in table format before it is cut with "…".
    public var maxValueWidth: Int = 40
    /// ANSI styling for a terminal (NULL dimmed, header bold). Off when piped or `NO_COLOR` is set.
    public var color: Bool = false

    /// The terminal's width: a table wider than this gets narrower cells, then drops its last
    /// columns with a note. Nil: no limit (files, pipes).
    public var maxTableWidth: Int?

    /// How to see the rows a table leaves out, in the words of the command that prints it (only it
    /// knows its options), e.g. "--max-rows N shows more". Nil: the note only counts them.
    public var moreRowsAdvice: String?
    /// How to see the columns a narrow terminal leaves out, likewise. Nil: the note only counts them.
    public var moreColumnsAdvice: String?
    /// Column names in `column` and `csv` output (sqlite3's `.headers`); the other formats always
    /// name their columns.
    public var headers = true
    /// The rows of the result being rendered that its preview left out (``QueryResult/moreRows``).
    private var moreRows: QueryResult.MoreRows?

    public init(maxRows: Int = 50, maxValueWidth: Int = 40, color: Bool = false, maxTableWidth: Int? = nil) {
        self.maxRows = maxRows
        self.maxValueWidth = maxValueWidth
        self.color = color
        self.maxTableWidth = maxTableWidth
    }

    public func render(_ result: QueryResult, as format: Format) -> String {
        var formatter = self
        formatter.moreRows = result.moreRows
        switch format {
        case .table, .box: return formatter.table(columns: result.columns, rows: result.rows)
        case .column: return formatter.columnText(columns: result.columns, rows: result.rows)
        case .markdown: return formatter.markdown(columns: result.columns, rows: result.rows)
        case .line: return formatter.lineText(columns: result.columns, rows: result.rows)
        case .csv: return ResultFormatter.csv(columns: result.columns, rows: result.rows, headers: headers)
        case .json: return ResultFormatter.json(columns: result.columns, rows: result.rows)
        }
    }

    /// The footer of a table: how many rows, and how many of them are shown.
    func rowCountNote(shown: Int, rows: Int) -> String {
        switch moreRows {
        case nil where rows == shown:
            return rows == 1 ? "(1 row)" : "(\(rows) rows)"
        case nil:
            return "(\(rows) rows; the first \(shown) shown\(moreRowsAdvice.map { " — " + $0 } ?? ""))"
        case .exactly(let more):
            return "(\(rows + more) rows; the first \(shown) shown\(moreRowsAdvice.map { " — " + $0 } ?? ""))"
        case .uncounted(let atLeast, let stop):
            return "(the first \(shown) rows shown; more rows not shown — at least \(rows + atLeast) in all, not counted past the \(stop.rawValue))"
        }
    }

    /// The note under `column`, `markdown` and `line` output, only when rows were left out.
    private func omittedNote(shown: Int, rows: Int) -> [String] {
        rows == shown && moreRows == nil ? [] : [rowCountNote(shown: shown, rows: rows)]
    }

    // MARK: Column, Markdown, line

    /// sqlite3's `.mode column`: values padded to each column's width, two spaces apart, numbers
    /// right-aligned, under a header and a line of dashes (unless ``headers`` is off).
    func columnText(columns: [String], rows: [[Value]]) -> String {
        let shown = Array(rows.prefix(maxRows))
        let cells = shown.map { $0.map(cellText) }
        var widths = columns.map { headers ? displayWidth(truncate($0)) : 0 }
        for row in cells { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], displayWidth(cell)) } }
        func join(_ parts: [String]) -> String {
            let text = parts.joined(separator: "  ")
            return String(text.reversed().drop(while: { $0 == " " }).reversed())
        }
        var out: [String] = []
        if headers {
            out.append(join(columns.enumerated().map { style(pad(truncate($1), to: widths[$0], right: false), bold: true) }))
            out.append(join(widths.map { String(repeating: "-", count: $0) }))
        }
        for (rowIndex, row) in cells.enumerated() {
            out.append(join(row.enumerated().map { index, cell in
                let value = shown[rowIndex][index]
                let padded = pad(cell, to: widths[index], right: value.numericValue != nil)
                return value.isNull ? style(padded, dim: true) : padded
            }))
        }
        return (out + omittedNote(shown: shown.count, rows: rows.count)).joined(separator: "\n")
    }

    /// sqlite3's `.mode markdown`: a GitHub-style pipe table; a `|` inside a value is escaped.
    func markdown(columns: [String], rows: [[Value]]) -> String {
        let shown = Array(rows.prefix(maxRows))
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        let header = columns.map { escape(truncate($0)) }
        let cells = shown.map { $0.map { escape(cellText($0)) } }
        var widths = header.map { max(3, displayWidth($0)) }
        for row in cells { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], displayWidth(cell)) } }
        func line(_ parts: [String]) -> String { "| " + parts.joined(separator: " | ") + " |" }
        var out = [line(header.enumerated().map { pad($1, to: widths[$0], right: false) })]
        out.append("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        for (rowIndex, row) in cells.enumerated() {
            out.append(line(row.enumerated().map { index, cell in pad(cell, to: widths[index], right: shown[rowIndex][index].numericValue != nil) }))
        }
        return (out + omittedNote(shown: shown.count, rows: rows.count)).joined(separator: "\n")
    }

    /// sqlite3's `.mode line`: one `name = value` line per value, names right-aligned, a blank line
    /// between rows. Values are shown whole (control characters made visible).
    func lineText(columns: [String], rows: [[Value]]) -> String {
        let shown = Array(rows.prefix(maxRows))
        let nameWidth = columns.map(displayWidth).max() ?? 0
        let records = shown.map { row in
            row.enumerated().map { index, value in
                let text: String
                switch value {
                case .null: text = style("NULL", dim: true)
                case .text(let string): text = visible(string)
                default: text = value.description
                }
                return pad(columns[index], to: nameWidth, right: true) + " = " + text
            }.joined(separator: "\n")
        }
        return (records + omittedNote(shown: shown.count, rows: rows.count)).joined(separator: "\n\n")
    }

    // MARK: Table

    /// A box-drawn table with a row-count footer. Numbers are right-aligned; NULL shows as `NULL`
    /// (dimmed on a terminal) so it cannot be confused with the text 'NULL' when colour is on, and
    /// with an empty string in any case.
    public func table(columns: [String], rows: [[Value]], footer: Bool = true) -> String {
        guard let limit = maxTableWidth else { return layout(columns: columns, rows: rows, footer: footer, hidden: 0) }
        // Narrow the cells first, down to 19 characters (a whole timestamp); then drop columns from the right.
        var narrower = self
        narrower.maxTableWidth = nil
        var keep = columns.count
        while true {
            let kept = Array(columns.prefix(keep)), keptRows = rows.map { Array($0.prefix(keep)) }
            let text = narrower.layout(columns: kept, rows: keptRows, footer: footer, hidden: columns.count - keep)
            let width = text.split(separator: "\n").first.map { narrower.displayWidth(String($0)) } ?? 0
            if width <= limit || keep == 1 { return text }
            if narrower.maxValueWidth > 19 { narrower.maxValueWidth = max(19, narrower.maxValueWidth - 4) } else { keep -= 1 }
        }
    }

    private func layout(columns: [String], rows: [[Value]], footer: Bool, hidden: Int) -> String {
        let shown = rows.prefix(maxRows)
        let cells: [[String]] = shown.map { row in row.map { cellText($0) } }
        var widths = columns.map { displayWidth(truncate($0)) }
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell))
            }
        }
        func line(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
        }
        var out = [line("┌", "┬", "┐")]
        let header = columns.enumerated().map { index, name in
            " " + style(pad(truncate(name), to: widths[index], right: false), bold: true) + " "
        }
        out.append("│" + header.joined(separator: "│") + "│")
        out.append(line("├", "┼", "┤"))
        for (rowIndex, row) in cells.enumerated() {
            let rendered = row.enumerated().map { index, cell -> String in
                let value = shown[shown.startIndex + rowIndex][index]
                let isNumber = value.numericValue != nil
                let padded = pad(cell, to: widths[index], right: isNumber)
                return " " + (value.isNull ? style(padded, dim: true) : padded) + " "
            }
            out.append("│" + rendered.joined(separator: "│") + "│")
        }
        out.append(line("└", "┴", "┘"))
        if hidden > 0 {
            out.append("(\(hidden) more column\(hidden == 1 ? "" : "s") not shown: the terminal is too narrow\(moreColumnsAdvice.map { "; " + $0 } ?? ""))")
        }
        if footer { out.append(rowCountNote(shown: shown.count, rows: rows.count)) }
        return out.joined(separator: "\n")
    }

    func cellText(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .text(let text): return truncate(visible(text))
        default: return truncate(value.description)
        }
    }

    /// Control characters would break the table's lines: each shows as "␣".
    func visible(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "␣" : Character($0) })
    }

    func truncate(_ text: String) -> String {
        guard text.count > maxValueWidth else { return text }
        return String(text.prefix(max(1, maxValueWidth - 1))) + "…"
    }

    func pad(_ text: String, to width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
        return right ? fill + text : text + fill
    }

    func displayWidth(_ text: String) -> Int { text.count }

    func style(_ text: String, bold: Bool = false, dim: Bool = false) -> String {
        let style = TextStyle(color: color)
        if bold { return style.bold(text) }
        if dim { return style.dim(text) }
        return text
    }

    // MARK: CSV

    /// RFC 4180 (see ``CSV``): CRLF line ends, fields quoted when they hold a comma, a quote or a
    /// line break, quotes doubled; NULL is an empty field; a header row first.
    public static func csv(columns: [String], rows: [[Value]], headers: Bool = true) -> String {
        var out: [UInt8] = []
        if headers { CSV.appendLine(columns, to: &out) }
        for row in rows {
            CSV.appendLine(row.map { value in value.isNull ? "" : value.description }, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: JSON

    /// `{"columns": [...], "rows": [[...], ...]}` with integers and reals as JSON numbers, text as
    /// strings, NULL as null and blobs as `"x'…'"` hex strings. Built by hand, not with `JSONEncoder`:
    /// reals keep SQLite's text (``Value/format(real:)``), which `JSONEncoder` would write its own way.
    public static func json(columns: [String], rows: [[Value]]) -> String {
        var out = "{\"columns\":[" + columns.map(JSONText.string).joined(separator: ",") + "],\"rows\":["
        out += rows.map { row in "[" + row.map(jsonValue).joined(separator: ",") + "]" }.joined(separator: ",")
        return out + "]}"
    }

    public static func jsonValue(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .integer(let v): String(v)
        case .real(let v): v.isFinite ? Value.format(real: v) : "null"
        case .text(let v): JSONText.string(v)
        case .blob: JSONText.string(value.description)
        }
    }
}
