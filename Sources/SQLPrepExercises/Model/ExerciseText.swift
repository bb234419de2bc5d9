import Foundation
import SQLPrepData
import SQLPrepText

/// An exercise as a learner reads it: title, track and difficulty, the prompt, the output contract
/// and the tables the question needs.
public enum ExerciseText {
    /// `dataset`: the data the answer will be checked on, when not the exercise's own (a review's).
    public static func render(_ exercise: Exercise, style: TextStyle, width: Int = 100, dataset: DatasetSpec? = nil) -> String {
        var out = style.bold(exercise.title) + "  " + style.dim("[\(exercise.id) · \(exercise.track.title) · \(exercise.difficulty.rawValue)]") + "\n\n"
        out += inlineMarkdown(exercise.promptText.trimmingCharacters(in: .whitespacesAndNewlines), style: style) + "\n\n"
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
    /// `**bold**` becomes bold on a terminal (plain text elsewhere); other Markdown reads fine as it is.
    public static func inlineMarkdown(_ text: String, style: TextStyle) -> String {
        let parts = text.components(separatedBy: "**")
        guard parts.count >= 3, parts.count % 2 == 1 else { return text }
        return parts.enumerated().map { $0.offset % 2 == 1 ? style.bold($0.element) : $0.element }.joined()
    }
}
