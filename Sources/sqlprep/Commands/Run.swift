import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepSandbox
import SQLPrepExercises
import SQLPrepText

extension SQLPrep {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one SQL query in the sandbox and print its result.",
            discussion: spelled("""
                The query runs read-only against the shop dataset, under the sandbox's limits: one \
                SELECT (or WITH … SELECT, or VALUES), nothing that writes, attaches or loads anything.

                Examples:
                  sqlprep run -e "select channel, count(*) from sessions group by 1"
                  sqlprep run answer.sql --format csv > result.csv
                  sqlprep run -e "select * from users limit 5" --scale tiny --seed 7

                A result longer than --max-rows is a preview: the table shows its first rows and says how \
                many there are in all (counted up to --row-limit, within the work limit; past \
                either, "more rows not shown"). \
                --format csv and json write every row up to --row-limit; when the query returns more, \
                they write the first --row-limit rows, say so on standard error and exit with 1.

                Exit codes: 0 the query ran, 1 it failed or was refused (the reason is printed), or csv/json \
                output stopped at --row-limit; 64 usage error.
                """)
        )

        @Argument(help: ArgumentHelp("A file holding one SQL query.", valueName: "file"))
        var file: String?

        @Option(name: [.customShort("e"), .customLong("execute")], parsing: .unconditional, help: ArgumentHelp("The SQL to run, instead of a file.", valueName: "sql"))
        var sql: String?

        @Option(name: .long, help: "Output format: table, box, column, markdown, line, csv or json.")
        var format: ResultFormatter.Format = .table

        @Option(name: .long, help: ArgumentHelp("Rows printed at most in the formats for people (all but csv and json); the rest are counted.", valueName: "n"))
        var maxRows: Int = 50

        @Flag(name: .long, help: "Plain text, no colours (also: the NO_COLOR environment variable).")
        var noColor = false

        /// Set by `sqlprep shell`, which runs each statement as a child `run`: notes then name the
        /// shell's dot-commands instead of run's options.
        @Flag(name: .customLong("for-shell"), help: .private)
        var forShell = false

        /// Set by `sqlprep shell` after `.headers off`.
        @Flag(name: .customLong("no-header"), help: .private)
        var noHeader = false

        @OptionGroup var dataset: DatasetOptions
        @OptionGroup var limitOptions: LimitOptions

        func validate() throws {
            switch (file, sql) {
            case (nil, nil): throw ValidationError("Give a query: a file (sqlprep run answer.sql) or -e 'select …'.")
            case (.some, .some): throw ValidationError("Give either a file or -e, not both.")
            default: break
            }
            guard maxRows > 0 else { throw ValidationError("--max-rows must be positive.") }
        }

        func run() throws {
            let bytes: [UInt8]
            if let file {
                bytes = try readQueryFile(file, otherwise: "or pass the query with -e 'select …'")
            } else {
                bytes = Array((sql ?? "").utf8)
            }
            let sandbox = try SandboxSession.make(dataset: dataset.spec(), limits: limitOptions.limits)
            let style = TextStyle(color: Terminal.useColor(disabled: noColor))
            // The same notes on the SQL text (other dialects, run-to-run functions) that submit gives.
            let notes = VerdictText.noteLines(SQLTextNotes.notes(for: String(decoding: bytes, as: UTF8.self)), style: style)
            let rowLimit = limitOptions.rowLimit
            // A preview: memory holds only the rows printed; the rest are counted up to the row limit.
            let keep = format.isForPeople ? min(maxRows, rowLimit) : rowLimit
            switch sandbox.admitQuery(bytes: bytes).flatMap({ sandbox.run($0, keepingRows: keep) }) {
            case .success(let result):
                var formatter = ResultFormatter(maxRows: maxRows, color: style.color, maxTableWidth: Terminal.stdoutIsTerminal ? Terminal.width : nil)
                formatter.headers = !noHeader
                // Only said when the rows were counted, so they number at most the row limit and csv holds them all.
                formatter.moreRowsAdvice = forShell ? ".mode csv shows them all" : "--max-rows N or --format csv shows them all"
                formatter.moreColumnsAdvice = forShell ? ".mode csv shows them all, or select fewer columns" : "--format csv shows them all, or select fewer columns"
                print(formatter.render(result, as: format))
                // On standard error, so that a CSV or JSON result stays clean.
                if !notes.isEmpty { Terminal.error(notes.joined(separator: "\n")) }
                if !format.isForPeople, result.moreRows != nil {
                    let raise = forShell ? "start the shell with a higher --row-limit" : "--row-limit N writes more"
                    Terminal.error("Only the first \(rowLimit) rows were written: the query returns more than the row limit (\(rowLimit)). Filter or aggregate, or \(raise).")
                    throw ExitCode(1)
                }
            case .failure(let failure):
                print(([FailureText.render(failure, style: style)] + notes).joined(separator: "\n"))
                throw ExitCode(1)
            }
        }
    }
}

/// Reads a learner's query file, or fails with a message that says what to do. `otherwise` is the
/// calling command's other way to give a query, said after "Check the path".
func readQueryFile(_ path: String, otherwise: String) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CLIError("No such file: \(path). Check the path, \(otherwise).")
    }
    guard !isDirectory.boolValue else {
        throw CLIError("\(path) is a folder, not a query file.")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError("Cannot read \(path): permission denied or not a regular file.")
    }
    return Array(data)
}
