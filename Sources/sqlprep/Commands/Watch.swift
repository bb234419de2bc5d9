import ArgumentParser
import Foundation
import SQLPrepExercises
import SQLPrepProcess
import SQLPrepText
import SQLPrepWorkspace

extension SQLPrep {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check the current answer file every time you save it.",
            discussion: spelled("""
                Keeps one screen up to date: what the check is doing (loading the dataset, checking, looking \
                for a small example), the verdict as soon as it is known, and a footer of keys — h hint, \
                r re-check, n next exercise, l list, q quit. Keys work at once, even during a check (a key \
                that shows something else, or q, stops it). Saves are noticed through the system's file \
                events, falling back to polling twice a second; --poll forces polling (for network drives \
                and editors whose saves events miss).

                A check is recorded as an attempt only when the file changed since your last recorded \
                attempt at the exercise (or its verdict did): saving the same query again, or r, shows the \
                verdict without counting it twice. sqlprep submit records every submit.

                Example: sqlprep watch
                """)
        )

        @Flag(name: .long, help: "Poll the file for changes instead of using file events.")
        var poll = false

        @OptionGroup var output: OutputOptions
        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var limitOptions: LimitOptions

        func run() throws {
            let session = try options.session(create: true)
            var watcher = Watcher(
                session: session, passthrough: passthrough, checkOptions: checkOptions, style: output.style, forcePolling: poll)
            RawTerminal.enable()
            defer {
                RawTerminal.restore()
                Terminal.writeNow((output.style.color ? Watcher.reset : "") + "\u{1B}[?25h\r\n")
            }
            watcher.loop()
        }

        /// The flags every child `sqlprep` needs to see the same workspace and course.
        var passthrough: [String] {
            ["--workspace", options.location.root] + (options.courseOptions.course.map { ["--course", $0] } ?? [])
        }

        /// The limits each check runs under: this command's own.
        var checkOptions: [String] {
            ["--work-limit", String(limitOptions.workLimit), "--time-limit", String(limitOptions.timeLimit),
             "--memory-limit", String(limitOptions.memoryLimit), "--row-limit", String(limitOptions.rowLimit)]
        }
    }
}

/// The watch loop: one screen, redrawn as a check goes on, on each save, key and resize.
///
/// Everything runs on one thread. What takes time — a check, the exercise text, a hint — runs in a
/// child `sqlprep` (as every learner query of `watch` always has: a query the sandbox must kill ends
/// the child, never the screen), and the loop waits with `poll` on the keyboard, the file events and
/// the child's output at once. So a key is read the moment it arrives, whatever the child is doing,
/// and `q` or a new request ends the child instead of waiting for it. No state is shared between
/// threads, so there is nothing to race.
struct Watcher {
    let session: LearnerSession
    let passthrough: [String]
    let checkOptions: [String]
    let style: TextStyle
    let forcePolling: Bool

    private var exercise: Exercise?
    /// The text under the status line: the last child's output (ANSI-styled when `style` is).
    private var body = ""
    /// The outcome of the last check, shown when nothing is running.
    private var lastCheck = ""
    private var signature: FileSignature?
    private var job: Job?
    private var drawnSize = (columns: 0, rows: 0)
    /// Ends any styling a child's output left open (SGR 0).
    static let reset = "\u{1B}[0m"

    /// One child `sqlprep` at work, and what it has printed so far.
    private struct Job {
        enum Kind { case check, page(String) }
        let child: ChildProcess
        let kind: Kind
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var outputOpen = true
        var errorsOpen = true
    }

    init(session: LearnerSession, passthrough: [String], checkOptions: [String], style: TextStyle, forcePolling: Bool) {
        self.session = session
        self.passthrough = passthrough
        self.checkOptions = checkOptions
        self.style = style
        self.forcePolling = forcePolling
    }

    mutating func loop() {
        let events = forcePolling ? nil : FileEvents(folder: session.workspace.answersFolder)
        let mode = events == nil ? "polling" : "file events"
        exercise = try? session.current()
        if let exercise {
            signature = FileSignature(path: session.workspace.answerPath(for: exercise))
            if session.workspace.answerIsUntouched(exercise) {
                start(.page("next"))
                lastCheck = Self.waiting
            } else {
                start(.check)
            }
        } else {
            start(.page("next"))
        }
        draw(mode: mode)
        while true {
            var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            if let events { descriptors.append(pollfd(fd: events.descriptor, events: Int16(POLLIN), revents: 0)) }
            if let job {
                if job.outputOpen { descriptors.append(pollfd(fd: job.child.standardOutput, events: Int16(POLLIN), revents: 0)) }
                if job.errorsOpen { descriptors.append(pollfd(fd: job.child.standardError, events: Int16(POLLIN), revents: 0)) }
            }
            // With both pipes closed the child is ending: look again soon to reap it.
            let timeout: Int32 = job.map { !$0.outputOpen && !$0.errorsOpen } == true ? 20 : 250
            _ = poll(&descriptors, nfds_t(descriptors.count), timeout)
            var changed = false
            for descriptor in descriptors where descriptor.revents != 0 {
                if descriptor.fd == STDIN_FILENO {
                    guard let key = RawTerminal.readByte() else { return stop() }  // end of input
                    if !handle(key: key) { return stop() }
                    changed = true
                } else if descriptor.fd == events?.descriptor {
                    events?.drain()
                } else {
                    changed = readJob(descriptor.fd) || changed
                }
            }
            changed = finishJobIfEnded() || changed
            changed = noticeSave() || changed
            let size = RawTerminal.size
            if changed || size != drawnSize { draw(mode: mode) }
        }
    }

    /// Acts on a key; false for quit.
    private mutating func handle(key: UInt8) -> Bool {
        switch key {
        case UInt8(ascii: "q"), 3, 4: return false  // q, Ctrl-C, Ctrl-D
        case UInt8(ascii: "n"):
            // After a pass, the current exercise is the next one.
            exercise = try? session.current()
            signature = exercise.flatMap { FileSignature(path: session.workspace.answerPath(for: $0)) }
            start(.page("next"))
            let untouched = exercise.map { session.workspace.answerIsUntouched($0) } ?? false
            lastCheck = untouched ? Self.waiting : exercise == nil ? "" : "save the file, or press r, to check it"
        case UInt8(ascii: "h"):
            if let exercise { start(.page("hint \(exercise.id)")) }
        case UInt8(ascii: "l"):
            start(.page("progress"))
        case UInt8(ascii: "r"):
            if let exercise { signature = FileSignature(path: session.workspace.answerPath(for: exercise)) }
            start(.check)
        default:
            break
        }
        return true
    }

    /// Ends a running child before quitting: its check is abandoned, never recorded half-way.
    private mutating func stop() {
        cancel()
    }

    /// A save: the answer file's signature changed since it was last checked. A file that holds only
    /// the starter (just written by `next`, or reset) is not checked, and stops nothing.
    private mutating func noticeSave() -> Bool {
        guard let exercise else { return false }
        let now = FileSignature(path: session.workspace.answerPath(for: exercise))
        guard now != signature else { return false }
        signature = now
        if session.workspace.answerIsUntouched(exercise) {
            if case .check? = job?.kind { cancel() }
            lastCheck = Self.waiting
        } else {
            start(.check)
        }
        return true
    }

    static let waiting = "waiting for your query: write it below the comments and save"

    /// Starts `kind`, ending whatever ran before.
    private mutating func start(_ kind: Job.Kind) {
        cancel()
        var arguments: [String]
        switch kind {
        case .check:
            guard let exercise else { return }
            if session.workspace.answerIsUntouched(exercise) {
                lastCheck = Self.waiting
                return
            }
            let path = session.workspace.answerPath(for: exercise)
            arguments = ["submit", path, "--exercise", exercise.id, "--for-watch"] + checkOptions
            body = ""
            lastCheck = ""
        case .page(let command):
            arguments = command.split(separator: " ").map(String.init)
            if command == "next" { arguments.append("--for-watch") }
        }
        if !style.color { arguments.append("--no-color") }
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = String(RawTerminal.size.columns)
        if style.color { environment["CLICOLOR_FORCE"] = "1" }  // the child's output is a pipe, shown on this terminal
        do {
            let child = try ChildProcess(
                executable: SelfProcess.executable.path, arguments: arguments + passthrough, environment: environment)
            job = Job(child: child, kind: kind)
        } catch {
            body = "Could not start \(SelfProcess.executable.path): \(error)"
        }
    }

    /// Ends the running child, if any, and reaps it. A check stopped before its verdict records
    /// nothing (the attempt is recorded with the verdict); one stopped later, during the search for a
    /// small example, keeps its verdict on the status line.
    private mutating func cancel() {
        guard let job else { return }
        job.child.signal(SIGKILL)
        job.child.wait()
        if case .check = job.kind {
            let progress = Self.text(of: job).progress
            lastCheck = progress.verdict == nil ? "check stopped — r checks again" : Self.outcome(progress: progress, status: 1)
        }
        self.job = nil
    }

    /// Reads what the child printed on `fd`; true when there is something new to show.
    private mutating func readJob(_ fd: Int32) -> Bool {
        guard var job else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = read(fd, &chunk, chunk.count)
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return false }
        if fd == job.child.standardOutput {
            if count > 0 { job.output += chunk[0..<count] } else { job.outputOpen = false }
        } else {
            if count > 0 { job.errors += chunk[0..<count] } else { job.errorsOpen = false }
        }
        self.job = job
        body = Self.text(of: job).body
        return count > 0
    }

    /// Once the child has closed its output and ended: the final status. True when the screen changed.
    private mutating func finishJobIfEnded() -> Bool {
        guard let job, !job.outputOpen, !job.errorsOpen, let ended = job.child.terminationIfEnded() else { return false }
        self.job = nil
        let (text, progress) = Self.text(of: job)
        body = text
        if case .check = job.kind {
            lastCheck = Self.outcome(progress: progress, status: ended.status)
        }
        return true
    }

    /// How far a check has got, from the stage lines `submit --for-watch` writes (``WatchStage``).
    struct CheckProgress: Equatable {
        enum Phase { case starting, loading, checking, searching }
        var phase = Phase.starting
        /// `pass`, `fail` or `error` once the verdict is printed.
        var verdict: String?
        /// Whether the check counted as an attempt, once it is recorded (or found a repeat).
        var recorded: Bool?

        mutating func read(_ stage: Substring) {
            let words = stage.split(separator: " ")
            switch words.first {
            case "loading": phase = .loading
            case "checking": phase = .checking
            case "searching": phase = .searching
            case "verdict": verdict = words.dropFirst().first.map(String.init)
            case "recorded": recorded = true
            case "unchanged": recorded = false
            default: break
            }
        }
    }

    /// The child's output without its stage lines, and the progress those lines announced.
    private static func text(of job: Job) -> (body: String, progress: CheckProgress) {
        var progress = CheckProgress()
        var lines: [Substring] = []
        for line in String(decoding: job.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(WatchStage.marker) {
                progress.read(line.dropFirst(WatchStage.marker.count))
            } else {
                lines.append(line)
            }
        }
        var body = lines.joined(separator: "\n")
        let errors = String(decoding: job.errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !errors.isEmpty { body += (body.isEmpty ? "" : "\n") + errors }
        return (body, progress)
    }

    /// The status line after a check: the verdict, when, and whether it counted as an attempt.
    private static func outcome(progress: CheckProgress, status: Int32) -> String {
        let passed = progress.verdict.map { $0 == "pass" } ?? (status == 0)
        return (passed ? "✓ passed" : "✗ not yet") + " · checked at \(ProgressStoreClock.time())"
            + (progress.recorded == false ? " · the same query as your last attempt, not counted again" : "")
    }

    /// The status line while something runs, or the last check's outcome.
    private var statusLine: String {
        guard let job else {
            if lastCheck.hasPrefix("✓") { return style.green(lastCheck) }
            if lastCheck.hasPrefix("✗") { return style.red(lastCheck) }
            return style.dim(lastCheck)
        }
        if case .page(let command) = job.kind {
            let what = command.hasPrefix("hint") ? "the hint" : command == "progress" ? "your progress" : "the exercise"
            return style.yellow("loading \(what)…")
        }
        let progress = Self.text(of: job).progress
        if let verdict = progress.verdict {
            return (verdict == "pass" ? style.green("✓ passed") : style.red("✗ not yet"))
                + (progress.phase == .searching ? style.yellow(" · looking for a small example…") : "")
        }
        switch progress.phase {
        case .starting: return style.yellow("starting the check…")
        case .loading: return style.yellow("loading the dataset…")
        case .checking, .searching: return style.yellow("checking…")
        }
    }

    /// Clears the screen and draws the header, the status line, the body wrapped to the width (cut
    /// to fit the height), and the key footer.
    private mutating func draw(mode: String) {
        let (columns, rows) = RawTerminal.size
        drawnSize = (columns, rows)
        var lines: [String] = []
        let title = exercise.map { "\($0.title) — \(relativePath(session.workspace.answerPath(for: $0)))" } ?? "All exercises passed"
        lines += Wording.wrap("sqlprep watch · " + title, width: columns).prefix(1).map { style.bold($0) }
        let rule = String(repeating: "─", count: min(columns, 100))
        lines.append(style.dim(rule))
        lines += Wording.wrap(statusLine, width: columns).map { style.color ? $0 + Self.reset : $0 }
        lines.append("")
        let available = max(1, rows - lines.count - 2)
        var bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false).flatMap { Wording.wrap(String($0), width: columns) }
        while bodyLines.last?.isEmpty == true { bodyLines.removeLast() }
        if bodyLines.count > available {
            bodyLines = Array(bodyLines.prefix(available - 1)) + [style.dim("… (\(bodyLines.count - available + 1) more lines; make the window taller)")]
        }
        lines += bodyLines
        while lines.count < rows - 2 { lines.append("") }
        lines.append((style.color ? Self.reset : "") + style.dim(rule))
        let keys = "h hint · r re-check · n next · l list · q quit"
        let footer = keys + " · " + mode
        lines.append(String(Wording.wrap(footer, width: columns).first ?? ""))
        Terminal.writeNow("\u{1B}[?25l\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\r\n"))
    }
}

/// The stage lines `submit --for-watch` writes for ``Watcher``.
enum WatchStage {
    static let marker = "\u{1E}"

    /// Writes one stage line after everything printed so far (the verdict text is flushed first, so
    /// the lines arrive in order).
    static func announce(_ words: String) {
        fflush(nil)
        Terminal.writeNow(marker + words + "\n")
    }
}

/// What identifies a version of a file: size, modification time and content hash.
struct FileSignature: Equatable {
    let size: Int
    let modified: Double
    let hash: Int

    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let data = FileManager.default.contents(atPath: path) else { return nil }
        size = (attributes[.size] as? NSNumber)?.intValue ?? data.count
        modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        hash = data.hashValue
    }
}

/// Linux inotify on the answers folder (editors often save by writing a new file and renaming it,
/// so the folder is watched, not the file). Nil when inotify is unavailable: the caller polls.
final class FileEvents {
    let descriptor: Int32

    init?(folder: String) {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_DELETE)
        guard inotify_add_watch(fd, folder, mask) >= 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
        #else
        return nil
        #endif
    }

    deinit { close(descriptor) }

    /// Reads and discards pending events; the caller re-checks the file itself.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }
}

extension ProgressStoreClock {
    static func time() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}
