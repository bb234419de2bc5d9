import SQLiteKit
import SQLPrepSandbox
import SQLPrepText

/// A counterexample as the learner reads it: the few rows, then both results on them, with the
/// rows that differ marked.
public enum CounterexampleText {
    /// Counterexamples larger than this are not shown: they would not explain anything.
    public static let largestShown = 50

    /// The marker in front of a result row that has no equal row in the other result.
    static let marker = "≠"

    public static func render(_ example: Counterexample, style: TextStyle, maxTableWidth: Int? = nil, audience: Audience = .learner) -> String {
        // The tables are indented by two spaces, so they get two columns less than the line.
        let formatter = ResultFormatter(maxRows: 12, maxValueWidth: 24, color: style.color, maxTableWidth: maxTableWidth.map { $0 - 2 })
        let rows = "\(example.rowCount) row\(example.rowCount == 1 ? "" : "s")"
        var lines = [style.bold("A small example where \(audience.their) query and the answer disagree") + " (\(rows) in all):"]
        for table in example.tables {
            lines.append("")
            lines.append("  \(table.name)" + (table.rows.isEmpty ? " (no rows)" : ""))
            if !table.rows.isEmpty { lines.append(Wording.indent(formatter.table(columns: table.columns, rows: table.rows, footer: false))) }
        }
        lines.append("")
        let marked = !example.referenceMarks.isEmpty || !example.learnerMarks.isEmpty
        func result(_ result: QueryResult, marks: Set<Int>) -> String {
            guard marked, !result.rows.isEmpty else {
                return Wording.indent(formatter.table(columns: result.columns, rows: result.rows, footer: result.rows.isEmpty))
            }
            let rows = result.rows.enumerated().map { [Value.text(marks.contains($0.offset) ? marker : "")] + $0.element }
            return Wording.indent(formatter.table(columns: [""] + result.columns, rows: rows, footer: false))
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

    /// `{"rows": n, "runs": n, "ms": n, "tables": [{"name", "result"}], "reference": {...}, "learner": {...},
    /// "reference_marked": [i], "learner_marked": [i]}`
    /// Built by hand (see ``JSONText``): the fields keep this order, and the results are
    /// ``ResultFormatter/json(columns:rows:)``, whose numbers `JSONEncoder` would write differently.
    public static func json(_ example: Counterexample) -> String {
        typealias J = JSONText
        func result(_ columns: [String], _ rows: [[Value]]) -> String { ResultFormatter.json(columns: columns, rows: rows) }
        let tables = example.tables.map { J.object([("name", J.string($0.name)), ("result", result($0.columns, $0.rows))]) }
        func list(_ marks: Set<Int>) -> String { J.array(marks.sorted().map(String.init)) }
        return J.object([
            ("rows", "\(example.rowCount)"), ("runs", "\(example.runs)"), ("ms", "\(Int(example.milliseconds))"), ("tables", J.array(tables)),
            ("reference", result(example.reference.columns, example.reference.rows)),
            ("learner", result(example.learner.columns, example.learner.rows)),
            ("reference_marked", list(example.referenceMarks)), ("learner_marked", list(example.learnerMarks)),
        ])
    }

    /// One line for a search the safety net stopped, so that the missing example is not a mystery.
    public static func safetyNetNote(seconds: Double, style: TextStyle) -> String {
        style.dim("(No small example: the search hit its \(Int(seconds)) s safety limit, which only a very busy or slow machine reaches.)")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
