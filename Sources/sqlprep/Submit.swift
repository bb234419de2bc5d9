import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox

extension SQLPrep {
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a query file against an exercise and explain any difference.",
            discussion: """
                The exercise is the one named by --exercise, else the file's name (ID.sql), else a \
                '-- exercise: ID' comment on the file's first line.

                Examples:
                  sqlprep submit answers/orders-by-status.sql
                  sqlprep submit my-query.sql --exercise orders-by-status --json

                Exit codes: 0 pass, 1 fail or error (the reason is printed), 64 usage error.
                """
        )

        @Argument(help: ArgumentHelp("The query file.", valueName: "file"))
        var file: String

        @Option(name: .long, help: ArgumentHelp("The exercise to check against.", valueName: "id"))
        var exercise: String?

        @Flag(name: .long, help: "Print the verdict as JSON (the contract is documented in the README).")
        var json = false

        @Flag(name: .long, help: "Plain text, no colours.")
        var noColor = false

        @OptionGroup var courseOptions: CourseOptions
        @OptionGroup var limitOptions: LimitOptions

        func run() throws {
            let course = try courseOptions.load()
            let bytes = try readQueryFile(file)
            let target = try courseOptions.exercise(try Submit.exerciseID(explicit: exercise, file: file, bytes: bytes, course: course), in: course)
            let jsonOutput = json
            let sandbox = try SandboxSession.make(dataset: target.dataset, limits: limitOptions.limits) { failure in
                // The watchdog's verdict when a query ignores its interrupt.
                let verdict = Verdict.failed(failure, exercise: target, dataset: target.dataset)
                let text = jsonOutput ? VerdictText.json(verdict) : VerdictText.render(verdict, exercise: target, style: TextStyle(color: false))
                Terminal.writeNow(text + "\n")
                _exit(1)
            }
            let verdict = try Checker(sandbox: sandbox, dataset: target.dataset).check(bytes, against: target)
            if json {
                print(VerdictText.json(verdict))
            } else {
                let style = TextStyle(color: Terminal.useColor(disabled: noColor))
                print(VerdictText.render(verdict, exercise: target, style: style))
                if verdict.passed {
                    print("")
                    print(target.explanation.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
            if !verdict.passed { throw ExitCode(1) }
        }

        /// --exercise, else the file name, else a `-- exercise: ID` first line.
        static func exerciseID(explicit: String?, file: String, bytes: [UInt8], course: Course) throws -> String {
            if let explicit { return explicit }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            if course.exercise(id: name) != nil { return name }
            let firstLine = String(decoding: bytes.prefix(while: { $0 != 0x0A }), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\u{FEFF}", with: "")
            if firstLine.lowercased().hasPrefix("-- exercise:") {
                return firstLine.dropFirst("-- exercise:".count).trimmingCharacters(in: .whitespaces)
            }
            throw ValidationError("""
                Which exercise is \(file) for? Name it in one of three ways:
                  --exercise ID              (sqlprep submit \(file) --exercise orders-by-status)
                  name the file ID.sql       (answers/orders-by-status.sql)
                  a first line '-- exercise: ID'
                """)
        }
    }
}
