import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLPrepText

/// A few rows of each table an exercise needs, for `next`.
enum SampleRows {
    static func render(for exercise: Exercise, style: TextStyle) -> String {
        guard let sandbox = try? SandboxSession.make(dataset: exercise.dataset, limits: SandboxLimits(), quiet: true) else { return "" }
        var formatter = ResultFormatter(maxRows: 3, maxValueWidth: 22, color: style.color, maxTableWidth: Terminal.stdoutIsTerminal ? Terminal.width : nil)
        formatter.moreColumnsAdvice = "the table descriptions above list every column"
        var out = ""
        for table in exercise.tablesUsed {
            guard case .success(let result) = sandbox.run(sql: "SELECT * FROM \(table.name) LIMIT 3") else { continue }
            out += "\n" + style.dim("A few rows of \(table.name):") + "\n" + formatter.table(columns: result.columns, rows: result.rows, footer: false) + "\n"
        }
        return out
    }
}
