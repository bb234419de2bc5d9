import SQLPrepSandbox

/// A counterexample as the learner reads it: the few rows, then both results on them.
public enum CounterexampleText {
    /// Counterexamples larger than this are not shown: they would not explain anything.
    public static let largestShown = 50

    public static func render(_ example: Counterexample, style: TextStyle, maxTableWidth: Int? = nil) -> String {
        let formatter = ResultFormatter(maxRows: 12, maxValueWidth: 24, color: style.color, maxTableWidth: maxTableWidth)
        var lines = [style.bold("A small example where your query and the answer disagree") + " (\(example.rowCount) row\(example.rowCount == 1 ? "" : "s") in all):"]
        for table in example.tables {
            lines.append("")
            lines.append("  \(table.name)")
            lines.append(indent(formatter.table(columns: table.columns, rows: table.rows, footer: false)))
        }
        lines.append("")
        lines.append("  The answer on these rows:")
        lines.append(indent(formatter.table(columns: example.reference.columns, rows: example.reference.rows, footer: example.reference.rows.isEmpty)))
        lines.append("  Your query on these rows:")
        lines.append(indent(formatter.table(columns: example.learner.columns, rows: example.learner.rows, footer: example.learner.rows.isEmpty)))
        if example.budgetExhausted {
            lines.append(style.dim("  (the search stopped at its time budget; a smaller example may exist)"))
        }
        return lines.joined(separator: "\n")
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// `{"rows": n, "runs": n, "ms": n, "tables": [{"name", "columns", "rows"}], "reference": {...}, "learner": {...}}`
    public static func json(_ example: Counterexample) -> String {
        typealias F = ResultFormatter
        let tables = example.tables.map { "{\"name\":\(F.jsonString($0.name)),\"result\":\(F.json(columns: $0.columns, rows: $0.rows))}" }
        return "{\"rows\":\(example.rowCount),\"runs\":\(example.runs),\"ms\":\(Int(example.milliseconds)),\"tables\":[\(tables.joined(separator: ","))],"
            + "\"reference\":\(F.json(columns: example.reference.columns, rows: example.reference.rows)),"
            + "\"learner\":\(F.json(columns: example.learner.columns, rows: example.learner.rows))}"
    }
}
