import Foundation
import SQLiteKit
import SQLPrepText

/// Renders a ``QueryResult`` as text: a box table like the sqlite3 shell's `.mode box`, CSV
/// (RFC 4180) or JSON. Pure string building; the CLI decides where it goes.
public struct ResultFormatter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table, csv, json
    }

    /// Rows printed at most in table format; the rest are counted in the footer.
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

    public init(maxRows: Int = 50, maxValueWidth: Int = 40, color: Bool = false, maxTableWidth: Int? = nil) {
        self.maxRows = maxRows
        self.maxValueWidth = maxValueWidth
        self.color = color
        self.maxTableWidth = maxTableWidth
    }

    public func render(_ result: QueryResult, as format: Format) -> String {
        switch format {
        case .table: table(columns: result.columns, rows: result.rows)
        case .csv: ResultFormatter.csv(columns: result.columns, rows: result.rows)
        case .json: ResultFormatter.json(columns: result.columns, rows: result.rows)
        }
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
        if footer {
            var note = rows.count == 1 ? "(1 row)" : "(\(rows.count) rows)"
            if rows.count > shown.count {
                note = "(\(rows.count) rows; the first \(shown.count) shown\(moreRowsAdvice.map { " — " + $0 } ?? ""))"
            }
            out.append(note)
        }
        return out.joined(separator: "\n")
    }

    func cellText(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .text(let text):
            // Control characters would break the table's lines.
            let visible = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "␣" : Character($0) })
            return truncate(visible)
        default: return truncate(value.description)
        }
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
    public static func csv(columns: [String], rows: [[Value]]) -> String {
        var out: [UInt8] = []
        CSV.appendLine(columns, to: &out)
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
