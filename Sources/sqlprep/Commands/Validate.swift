import ArgumentParser
import Foundation
import SQLPrepExercises
import SQLPrepSandbox

extension SQLPrep {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a course: metadata, references, hints, known-wrong queries and stored results.",
            discussion: spelled("""
                Prints one line per problem, naming the exercise and the file to fix; exits 1 if there is any.
                The stored expected results live in Fixtures/expected/ (for the built-in course) or in \
                --expected DIR; --update-expected rewrites them after an intended change.

                Examples:
                  sqlprep validate
                  sqlprep validate --course my-course
                  sqlprep validate --update-expected
                """)
        )

        @OptionGroup var courseOptions: CourseOptions

        @Option(name: .long, help: ArgumentHelp("Folder of stored expected results to check (default: Fixtures/expected for the built-in course, none for --course).", valueName: "dir"))
        var expected: String?

        @Flag(name: .long, help: "Rewrite the stored expected results from the references instead of checking them.")
        var updateExpected = false

        @Option(name: .long, help: ArgumentHelp("Check only this exercise.", valueName: "id"))
        var only: String?

        func run() throws {
            let course: Course
            do {
                course = courseOptions.course == nil ? try Course.builtIn() : try Course.load(directory: courseOptions.course!)
            } catch let problems as CourseProblems {
                for problem in problems.problems { print(spelled("\(problem)")) }
                print("\(problems.problems.count) problem\(problems.problems.count == 1 ? "" : "s") in \(problems.origin).")
                throw ExitCode(1)
            }
            let expectedFolder = expected ?? (courseOptions.course == nil ? Validate.defaultExpectedFolder : nil)
            let validator = CourseValidator(expectedFolder: expectedFolder) { spec in try SandboxSession.plainSandbox(for: spec) }
            if updateExpected {
                guard let expectedFolder else { throw ValidationError("--update-expected needs --expected DIR for a --course.") }
                let written = try validator.updateExpected(course, folder: expectedFolder)
                print("Updated \(written) expected result file\(written == 1 ? "" : "s") in \(expectedFolder).")
                return
            }
            var problems: [CourseProblem] = []
            let exercises = try only.map { [try courseOptions.exercise($0, in: course)] } ?? course.exercises
            for exercise in exercises {
                let found = validator.validate(exercise)
                for problem in found { print(spelled("\(problem)")) }
                problems += found
            }
            let wrong = exercises.map(\.wrongQueries.count).reduce(0, +)
            let traps = exercises.map(\.traps.count).reduce(0, +)
            if problems.isEmpty {
                let coverage = traps == 0 ? "" : traps == 1 ? "; the trap listed is captured by one of them"
                    : "; each of the \(traps) traps the exercises list is captured by one of them"
                print("\(course.origin): \(exercises.count) exercises valid (\(wrong) known-wrong queries all fail as they should\(coverage)).")
            } else {
                print("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(course.origin).")
                throw ExitCode(1)
            }
        }

        /// `Fixtures/expected` of the checkout this binary was built from, else of the current folder.
        static var defaultExpectedFolder: String {
            // This file is Sources/sqlprep/Commands/Validate.swift: four levels below the checkout.
            let source = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let fromSource = source.appendingPathComponent("Fixtures/expected").path
            if FileManager.default.fileExists(atPath: fromSource) { return fromSource }
            return "Fixtures/expected"
        }
    }
}
