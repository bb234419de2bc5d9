import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLPrepText
import SQLPrepWorkspace

extension SQLPrep {
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a query file against its exercise, explain any difference, and record the attempt.",
            discussion: spelled("""
                With no FILE, checks the current exercise's answer file (answers/ID.sql). Otherwise the \
                exercise is the one named by --exercise, else the file's name (ID.sql), else a \
                '-- exercise: ID' comment on the file's first line. FILE is read from the current folder; the \
                attempt is recorded in the workspace (--workspace, else $SQLPREP_WORKSPACE, else the one the \
                current folder is in, so this works from answers/ too). Outside any workspace the query is \
                checked and a note says that nothing was recorded.

                Examples:
                  sqlprep submit
                  sqlprep submit answers/orders-by-status.sql
                  sqlprep submit my-query.sql --exercise orders-by-status --json
                  sqlprep submit --no-explain

                When the result is wrong, sqlprep then searches for a tiny database — a handful of rows — \
                on which your query and the answer disagree in the same way, and shows it with both results. \
                The search is bounded by work (--explain-budget candidate databases), not time, so it shows \
                the same example on every machine.

                Exit codes: 0 pass, 1 fail or error (the reason is printed), 64 usage error.
                """)
        )

        @Argument(help: ArgumentHelp("The query file (default: the current exercise's answer file).", valueName: "file"))
        var file: String?

        @Option(name: .long, help: ArgumentHelp("The exercise to check against.", valueName: "id"))
        var exercise: String?

        @Flag(name: .long, help: "Print the verdict as JSON (the contract is documented in the README).")
        var json = false

        @OptionGroup var output: OutputOptions

        @Flag(name: .long, help: "Do not search for a small example database when the answer is wrong.")
        var noExplain = false

        @Option(name: .long, help: ArgumentHelp("How many candidate databases that search may try.", valueName: "candidates"))
        var explainBudget: Int = CounterexampleSearch.Budget().candidates

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var limitOptions: LimitOptions

        /// Set by `watch`, which runs this as a child and draws what it prints: stage lines for its status
        /// line (``WatchStage``), keys instead of commands ("press h"), tables fitted to `COLUMNS`, and the
        /// attempt recorded only when it is not a repeat of the last one (the same query, same status).
        @Flag(name: .customLong("for-watch"), help: .hidden)
        var forWatch = false

        func run() throws {
            let course = try options.courseOptions.load()
            let session = options.location.exists ? try options.session(create: false) : nil
            let path: String
            let target: Exercise
            let bytes: [UInt8]
            if let file {
                path = file
                bytes = try readQueryFile(file, otherwise: "or run sqlprep submit with no file to check the current exercise's answer file")
                target = try options.courseOptions.exercise(try Submit.exerciseID(explicit: exercise, file: file, bytes: bytes, course: course), in: course)
            } else {
                guard let session else {
                    throw ValidationError("\(options.missing). Or give a query file: sqlprep submit answer.sql.")
                }
                guard let current = try exercise.map({ try options.courseOptions.exercise($0, in: course) }) ?? session.current() else {
                    print(spelled("Every exercise is passed — nothing to submit. sqlprep list shows them all."))
                    return
                }
                target = current
                path = session.workspace.answerPath(for: current)
                if !FileManager.default.fileExists(atPath: path) { try session.workspace.writeStarter(for: current) }
                bytes = try readQueryFile(path, otherwise: "or run sqlprep reset \(current.id) to write a fresh starter file")
            }
            let query = String(decoding: bytes, as: UTF8.self)
            if session == nil {
                Terminal.error(spelled("Not recorded: \(options.missing.prefix(1).lowercased() + options.missing.dropFirst())."))
            }
            if let session, session.workspace.answerIsUntouched(target), file == nil {
                print("\(relativePath(path)) holds only the starter comments: write your query below them, then submit again.")
                throw ExitCode(1)
            }

            let jsonOutput = json
            let recordIn = session?.workspace  // the watchdog thread opens its own connection to the store
            let forWatch = forWatch
            if forWatch { WatchStage.announce("loading") }
            let sandbox = try SandboxSession.make(dataset: target.dataset, limits: limitOptions.limits) { failure in
                // The watchdog's verdict for a query that ignores its interrupt: record it, print it, exit.
                let verdict = Verdict.failed(failure, exercise: target, dataset: target.dataset)
                _ = try? recordIn?.openStore().record(Attempt(verdict: verdict, query: query), unlessRepeat: forWatch)
                let text = jsonOutput ? VerdictText.json(verdict) : VerdictText.render(verdict, exercise: target, style: TextStyle(color: false))
                Terminal.writeNow(text + "\n")
                if forWatch { Terminal.writeNow(WatchStage.marker + "verdict error\n") }
                _exit(1)
            }
            if forWatch { WatchStage.announce("checking") }
            let verdict = try Checker(sandbox: sandbox, dataset: target.dataset).check(bytes, against: target)
            let recorded = try session?.record(verdict, query: query, unlessRepeat: forWatch)

            // A wrong result: look for a tiny database that shows the same difference.
            func search() -> CounterexampleOutcome? {
                guard verdict.status == .fail && !noExplain else { return nil }
                let budget = CounterexampleSearch.Budget(candidates: max(1, explainBudget))
                return try? CounterexampleSearch(
                    exercise: target, learnerSQL: query, image: sandbox.image, budget: budget, limits: limitOptions.limits).run()
            }
            /// An example that could not be shrunk within the budget explains nothing.
            func shown(_ outcome: CounterexampleOutcome?) -> Counterexample? {
                outcome?.example.flatMap { $0.rowCount <= CounterexampleText.largestShown ? $0 : nil }
            }

            if json {
                print(VerdictText.json(verdict, extra: [("counterexample", shown(search()).map(CounterexampleText.json) ?? "null")]))
            } else {
                let style = output.style
                // The verdict first; the example, which takes a moment, after it.
                print(VerdictText.render(verdict, exercise: target, style: style, width: Terminal.stdoutIsTerminal ? Terminal.width : nil))
                fflush(nil)  // all output streams: stdout is a C global Swift 6 will not touch
                if forWatch {
                    WatchStage.announce("verdict \(verdict.status.rawValue)")
                    if let recorded { WatchStage.announce(recorded ? "recorded" : "unchanged") }
                    if verdict.status == .fail && !noExplain { WatchStage.announce("searching") }
                }
                let outcome = search()
                if let example = shown(outcome) {
                    print("")
                    print(CounterexampleText.render(example, style: style, maxTableWidth: Terminal.stdoutIsTerminal || forWatch ? Terminal.width : nil))
                } else if case .stoppedBySafetyNet(let seconds)? = outcome {
                    print("")
                    print(CounterexampleText.safetyNetNote(seconds: seconds, style: style))
                }
                if verdict.passed {
                    print("")
                    print(style.bold("Why it matters"))
                    print(ExerciseText.markdown(
                        target.explanationText(reference: ExerciseTexts.reference(for: target, sandbox: sandbox)), style: style, width: Terminal.width))
                    print("")
                    print(style.bold("The reference solution, for comparison"))
                    print(target.solution.trimmingCharacters(in: .whitespacesAndNewlines))
                    if let session {
                        print("")
                        if let next = try session.current() {
                            print("Next: \(next.title) — " + (forWatch ? "press " + style.bold("n") : "run " + style.bold(spelled("sqlprep next"))) + ".")
                        } else {
                            print(style.green("That was the last one: every exercise is passed."))
                        }
                    }
                } else if let session, !target.hints.isEmpty {
                    let revealed = try session.store.hintsRevealed(target.id)
                    if revealed < target.hints.count {
                        print("")
                        print(style.dim(forWatch
                            ? "Stuck? Press h for hint \(revealed + 1) of \(target.hints.count)."
                            : spelled("Stuck? sqlprep hint shows hint \(revealed + 1) of \(target.hints.count).")))
                    }
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
                .replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
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
