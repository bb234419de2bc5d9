import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLPrepText

/// `--course DIR`: an instructor's course folder instead of the built-in course.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use the course in this folder instead of the built-in one (same format as Exercises/).", valueName: "dir"))
    var course: String?

    func load() throws -> Course {
        do {
            if let course { return try Course.load(directory: course) }
            return try Course.builtIn()
        } catch let problems as CourseProblems {
            throw CLIError("\(problems)\nFix the course (sqlprep validate lists every problem), or run without --course.")
        }
    }

    func exercise(_ id: String, in course: Course) throws -> Exercise {
        if let exercise = course.exercise(id: id) { return exercise }
        let suggestion = Suggestion.phrase(Suggestion.closest(to: id, among: course.exercises.map(\.id)))
        throw CLIError("No exercise '\(id)' in \(course.origin).\(suggestion.isEmpty ? "" : " " + suggestion) sqlprep list shows them all.")
    }
}
