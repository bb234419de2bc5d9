import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepSandbox
import SQLPrepText

/// Renders a ``Verdict`` for a person (text) or a tool (JSON).
public enum VerdictText {
    /// The verdict as the learner reads it, showing only what applies, in this order: pass or the
    /// query's failure; shape; missing and unexpected rows; differing cells; diagnoses; notes.
    /// `timing: false` leaves out the elapsed time, for outputs that must be byte-identical run to run (grading).
    /// `width`: the terminal's columns, to which a long SQL line with an error is cut so its caret lines up.
    public static func render(
        _ verdict: Verdict, exercise: Exercise, style: TextStyle, maxValueWidth: Int = 30, timing: Bool = true, width: Int? = nil
    ) -> String {
        var lines: [String] = []
        let formatter = ResultFormatter(maxRows: 5, maxValueWidth: maxValueWidth, color: style.color)
        switch verdict.outcome {
        case .passed(let report):
            let rows = report.actualRowCount
            let time = timing ? " in \(formatMilliseconds(verdict.elapsedMilliseconds))" : ""
            lines.append(style.green(style.bold("✓ Correct!")) + " \(exercise.title) — \(rows) row\(rows == 1 ? "" : "s")\(time).")
        case .failed(let failure):
            lines.append(style.red(style.bold("✗ The query did not run")) + " (\(Verdict.Reason(failure.reason).rawValue)): " + failure.message)
            lines += failureDetails(failure, style: style, width: width)
        case .wrong(let report):
            let headline: String = switch report.reason {
            case .wrongOrder: "Right rows, wrong order."
            case .wrongShape: "The result has the wrong shape."
            case .wrongResult, nil: "Not quite: the result differs from the answer."
            }
            lines.append(style.red(style.bold("✗ " + headline)))
            if report.expectedColumns.count != report.actualColumns.count {
                lines.append("  Expected \(report.expectedColumns.count) column\(Wording.plural(report.expectedColumns.count)) (\(report.expectedColumns.joined(separator: ", "))), got \(report.actualColumns.count) (\(report.actualColumns.joined(separator: ", "))).")
            }
            if report.expectedRowCount != report.actualRowCount {
                lines.append("  Expected \(report.expectedRowCount) row\(Wording.plural(report.expectedRowCount)), got \(report.actualRowCount).")
            }
            if let row = report.outOfOrderRow {
                lines.append("  Row \(row + 1) breaks the order: the answer is sorted by \(exercise.contract.orderDescription).")
            }
            if !report.missingRows.isEmpty {
                lines.append("")
                lines.append("  Missing from your result (\(report.missingRowsTotal) row\(Wording.plural(report.missingRowsTotal))\(report.missingRowsTotal > report.missingRows.count ? ", first \(report.missingRows.count) shown" : "")):")
                lines.append(Wording.indent(formatter.table(columns: report.expectedColumns, rows: report.missingRows, footer: false)))
            }
            if !report.unexpectedRows.isEmpty {
                lines.append("")
                lines.append("  In your result but not in the answer (\(report.unexpectedRowsTotal) row\(Wording.plural(report.unexpectedRowsTotal))\(report.unexpectedRowsTotal > report.unexpectedRows.count ? ", first \(report.unexpectedRows.count) shown" : "")):")
                lines.append(Wording.indent(formatter.table(columns: report.actualColumns, rows: report.unexpectedRows, footer: false)))
            }
            if !report.cellDifferences.isEmpty {
                lines.append("")
                lines.append("  Rows that differ in their values:")
                var rows: [[Value]] = []
                for difference in report.cellDifferences {
                    let key = difference.key.map(\.description).joined(separator: ", ")
                    for cell in difference.cells {
                        rows.append([.text(key.isEmpty ? "(the row)" : key), .text(exercise.contract.columns[cell.column].name), cell.expected, cell.actual])
                    }
                }
                lines.append(Wording.indent(formatter.table(columns: ["row", "column", "expected", "yours"], rows: rows, footer: false)))
            }
            for diagnosis in report.diagnoses where diagnosis.code != .wrongOrder {
                lines.append("")
                lines.append(style.yellow("Likely cause: ") + diagnosis.message)
            }
            for note in report.notes {
                lines.append(style.dim("Note: ") + note)
            }
        }
        lines += noteLines(verdict.sqlNotes, style: style)
        return lines.joined(separator: "\n")
    }

    /// The notes on a query's SQL text (``SQLTextNotes/notes(for:)``), as lines: the same words
    /// after a verdict (`submit`, `watch`, `grade`) and after a result or error (`run`, `shell`).
    public static func noteLines(_ notes: [Diagnosis], style: TextStyle) -> [String] {
        notes.map { style.yellow($0.code == .dialect ? "Dialect: " : "Note: ") + $0.message }
    }

    /// Where a failed query went wrong (line, column, caret) and what to do, as lines.
    /// Shared by `submit` and `run`, so a failure reads the same everywhere.
    /// `width`: the terminal's columns, to which the line with the error is cut (see
    /// ``SQLPrepSandbox/SQLLocation/fittedCaretDiagram(width:)``); nil shows it whole.
    public static func failureDetails(_ failure: QueryFailure, style: TextStyle, width: Int? = nil) -> [String] {
        var lines: [String] = []
        if let location = failure.location {
            lines.append("  at line \(location.line), column \(location.column):")
            lines.append(location.fittedCaretDiagram(width: width))
        }
        if let hint = failure.hint { lines.append(style.yellow("hint:") + " " + hint) }
        return lines
    }

    static func formatMilliseconds(_ ms: Double) -> String {
        ms < 1000 ? "\(Int(ms.rounded())) ms" : String(format: "%.2f s", ms / 1000)
    }

    /// The stable JSON object for tools: exercise, status, reason, diagnoses, counts, timing, dataset and result hash.
    /// Built by hand (see ``JSONText``): the fields keep this documented order, and `extra` fields follow them.
    public static func json(_ verdict: Verdict, extra: [(String, String)] = []) -> String {
        typealias F = JSONText
        var fields: [(String, String)] = [
            ("exercise", F.string(verdict.exerciseID)),
            ("status", F.string(verdict.status.rawValue)),
            ("reason", verdict.reason.map { F.string($0.rawValue) } ?? "null"),
            ("message", verdict.failure.map { F.string($0.message) } ?? "null"),
            ("diagnoses", F.array(verdict.diagnosisCodes.map(F.string))),
            ("expected_rows", verdict.report.map { String($0.expectedRowCount) } ?? "null"),
            ("actual_rows", verdict.report.map { String($0.actualRowCount) } ?? "null"),
            ("expected_columns", verdict.report.map { String($0.expectedColumns.count) } ?? "null"),
            ("actual_columns", verdict.report.map { String($0.actualColumns.count) } ?? "null"),
            ("elapsed_ms", String(Int(verdict.elapsedMilliseconds.rounded()))),
            ("dataset", F.object([("seed", "\(verdict.dataset.seed)"), ("scale", F.string(verdict.dataset.scale.description))])),
            ("result_hash", verdict.resultHash.map(F.string) ?? "null"),
        ]
        fields += extra
        return F.object(fields)
    }
}
