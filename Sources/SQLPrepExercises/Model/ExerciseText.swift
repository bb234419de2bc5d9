import Foundation
import SQLPrepData
import SQLPrepText

/// An exercise as a learner reads it: title, track and difficulty, the prompt, the output contract
/// and the tables the question needs.
public enum ExerciseText {
    /// `dataset`: the data the answer will be checked on, when not the exercise's own (a review's).
    public static func render(_ exercise: Exercise, style: TextStyle, width: Int = 100, dataset: DatasetSpec? = nil) -> String {
        var out = style.bold(exercise.title) + "  " + style.dim("[\(exercise.id) · \(exercise.track.title) · \(exercise.difficulty.rawValue)]") + "\n\n"
        out += TerminalMarkdown.render(exercise.promptText, style: style, width: width) + "\n\n"
        out += style.bold("Return these columns, in this order") + " (names are up to you):\n"
        for (index, column) in exercise.contract.columns.enumerated() {
            let rounding = column.decimals.map { ", rounded to \($0) decimal\($0 == 1 ? "" : "s")" } ?? ""
            out += "  \(index + 1). \(column.name) — \(column.kind.meaning)\(rounding)\n"
        }
        out += "Row order: \(exercise.contract.orderDescription).\n"
        let tables = exercise.tablesUsed
        if !tables.isEmpty {
            out += "\n" + style.bold("Tables you will need") + "\n"
            for table in tables {
                out += "\n\(table.name) — \(table.meaning)\n" + DataDictionary.describe(table)
            }
        }
        let dataset = dataset ?? exercise.dataset
        out += "\n" + style.dim("Dataset: shop, seed \(dataset.seed), scale \(dataset.scale).")
        return out
    }
}

extension ExerciseText {
    /// A course text (prompt, hint, explanation) as terminal text: its Markdown rendered, wrapped to
    /// `width` (see ``SQLPrepText/TerminalMarkdown``).
    public static func markdown(_ text: String, style: TextStyle, width: Int) -> String {
        TerminalMarkdown.render(text, style: style, width: width)
    }

    /// A numbered item (a hint) whose text is Markdown: `label` on the first line, the text's other
    /// lines indented to line up under the first.
    public static func numbered(_ label: String, labelWidth: Int, _ text: String, style: TextStyle, width: Int) -> String {
        let body = TerminalMarkdown.render(text, style: style, width: width - labelWidth)
        return body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 ? label + String(repeating: " ", count: max(0, labelWidth - TerminalMarkdown.plainInline(label).count)) + line
                : (line.isEmpty ? "" : String(repeating: " ", count: labelWidth) + line)
        }.joined(separator: "\n")
    }
}
