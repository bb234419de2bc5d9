import SQLiteKit
import SQLPrepSandbox

/// A counterexample as the learner reads it: the few rows, then both results on them, with the
/// rows that differ marked.
public enum CounterexampleText {
    /// Counterexamples larger than this are not shown: they would not explain anything.
    public static let largestShown = 50

    /// The marker in front of a result row that has no equal row in the other result.
    static let marker = "≠"

    public static func render(_ example: Counterexample, style: TextStyle, maxTableWidth: Int? = nil, audience: Audience = .learner) -> String {
        let formatter = ResultFormatter(maxRows: 12, maxValueWidth: 24, color: style.color, maxTableWidth: maxTableWidth)
        let rows = "\(example.rowCount) row\(example.rowCount == 1 ? "" : "s")"
        var lines = [style.bold("A small example where \(audience.their) query and the answer disagree") + " (\(rows) in all):"]
        for table in example.tables {
            lines.append("")
            lines.append("  \(table.name)" + (table.rows.isEmpty ? " (no rows)" : ""))
            if !table.rows.isEmpty { lines.append(indent(formatter.table(columns: table.columns, rows: table.rows, footer: false))) }
        }
        lines.append("")
        let marked = !example.referenceMarks.isEmpty || !example.learnerMarks.isEmpty
        func result(_ result: QueryResult, marks: Set<Int>) -> String {
            guard marked, !result.rows.isEmpty else {
                return indent(formatter.table(columns: result.columns, rows: result.rows, footer: result.rows.isEmpty))
            }
            let rows = result.rows.enumerated().map { [Value.text(marks.contains($0.offset) ? marker : "")] + $0.element }
            return indent(formatter.table(columns: [""] + result.columns, rows: rows, footer: false))
        }
        lines.append("  The answer on these rows:")
        lines.append(result(example.reference, marks: example.referenceMarks))
        lines.append("  \(audience.their.capitalizedFirst) query on these rows:")
        lines.append(result(example.learner, marks: example.learnerMarks))
        if marked {
            lines.append("  " + style.dim("\(marker) marks the rows that differ between the two results."))
        } else if case .order = example.difference.kind {
            lines.append("  " + style.dim("The same rows, in another order."))
        }
        if example.budgetExhausted {
            lines.append("  " + style.dim("(The search used up its work budget; a smaller example may exist.)"))
        }
        return lines.joined(separator: "\n")
    }

    /// Who wrote the query: the learner reads "your query"; an instructor's report says "the query".
    public enum Audience: Sendable {
        case learner, instructor
        var their: String { self == .learner ? "your" : "the" }
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// `{"rows": n, "runs": n, "ms": n, "tables": [{"name", "result"}], "reference": {...}, "learner": {...},
    /// "reference_marked": [i], "learner_marked": [i]}`
    public static func json(_ example: Counterexample) -> String {
        typealias F = ResultFormatter
        let tables = example.tables.map { "{\"name\":\(F.jsonString($0.name)),\"result\":\(F.json(columns: $0.columns, rows: $0.rows))}" }
        func list(_ marks: Set<Int>) -> String { "[" + marks.sorted().map(String.init).joined(separator: ",") + "]" }
        return "{\"rows\":\(example.rowCount),\"runs\":\(example.runs),\"ms\":\(Int(example.milliseconds)),\"tables\":[\(tables.joined(separator: ","))],"
            + "\"reference\":\(F.json(columns: example.reference.columns, rows: example.reference.rows)),"
            + "\"learner\":\(F.json(columns: example.learner.columns, rows: example.learner.rows)),"
            + "\"reference_marked\":\(list(example.referenceMarks)),\"learner_marked\":\(list(example.learnerMarks))}"
    }

    /// One line for a search the safety net stopped, so that the missing example is not a mystery.
    public static func safetyNetNote(seconds: Double, style: TextStyle) -> String {
        style.dim("(No small example: the search hit its \(Int(seconds)) s safety limit, which only a very busy or slow machine reaches.)")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
