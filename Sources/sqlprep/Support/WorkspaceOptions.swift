import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLPrepWorkspace

/// `--workspace DIR` (else `SQLPREP_WORKSPACE`, else the current folder) and the course.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $SQLPREP_WORKSPACE, else the current folder).", valueName: "dir"))
    var workspace: String?

    @OptionGroup var courseOptions: CourseOptions

    var location: Workspace { Workspace.locate(explicit: workspace) }

    /// Opens the learner's session; with `create`, makes the workspace when missing and says so.
    func session(create: Bool) throws -> LearnerSession {
        let course = try courseOptions.load()
        let (session, created) = try LearnerSession.open(course: course, workspace: location, create: create)
        if created {
            Terminal.error("Created a sqlprep workspace in \(location.root) (answers/ for your queries, .sqlprep/ for your progress).")
        }
        return session
    }
}

extension Exercise {
    /// "Exercise 3 of 44"
    func position(in course: Course) -> String {
        "exercise \((course.exercises.firstIndex(of: self) ?? 0) + 1) of \(course.exercises.count)"
    }
}

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
