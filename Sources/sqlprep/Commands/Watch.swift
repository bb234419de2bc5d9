import ArgumentParser
import Foundation
import SQLPrepExercises
import SQLPrepWorkspace

extension SQLPrep {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check the current answer file every time you save it.",
            discussion: """
                Keeps one screen up to date: the verdict for your answer file, then a footer of keys — \
                n next exercise, h hint, l list, r re-run, q quit. Saves are noticed through the \
                system's file events, falling back to polling twice a second; --poll forces polling \
                (for network drives and editors whose saves events miss).

                Example: sqlprep watch
                """
        )

        @Flag(name: .long, help: "Poll the file for changes instead of using file events.")
        var poll = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            var watcher = Watcher(session: session, passthrough: passthrough, forcePolling: poll)
            RawTerminal.enable()
            defer {
                RawTerminal.restore()
                Terminal.writeNow("\u{1B}[?25h")
            }
            try watcher.loop()
        }

        /// The flags every child `sqlprep` needs to see the same workspace and course.
        var passthrough: [String] {
            ["--workspace", options.location.root] + (options.courseOptions.course.map { ["--course", $0] } ?? [])
        }
    }
}

/// The watch loop: one screen, redrawn on each save or key.
struct Watcher {
    let session: LearnerSession
    let passthrough: [String]
    let forcePolling: Bool
    private var exercise: Exercise?
    private var body = ""
    private var status = ""
    private var signature: FileSignature?

    init(session: LearnerSession, passthrough: [String], forcePolling: Bool) {
        self.session = session
        self.passthrough = passthrough
        self.forcePolling = forcePolling
    }

    mutating func loop() throws {
        let events = forcePolling ? nil : FileEvents(folder: session.workspace.answersFolder)
        showCurrent()
        if let exercise, !session.workspace.answerIsUntouched(exercise) { check() }
        draw(mode: events == nil ? "polling" : "file events")
        while true {
            let ready = RawTerminal.wait(milliseconds: 500, otherFD: events?.descriptor ?? -1)
            if ready.other { events?.drain() }
            if ready.stdin {
                guard let key = RawTerminal.readByte() else { return }  // end of input
                switch key {
                case UInt8(ascii: "q"), 3, 4: return  // q, Ctrl-C, Ctrl-D
                case UInt8(ascii: "n"):
                    showCurrent()  // after a pass, the current exercise is the next one
                case UInt8(ascii: "h"):
                    if let exercise { body = child(["hint", exercise.id]) }
                case UInt8(ascii: "l"):
                    body = child(["progress"])
                case UInt8(ascii: "r"):
                    check()
                default:
                    continue
                }
                draw(mode: events == nil ? "polling" : "file events")
                continue
            }
            // A save: the file's signature changed.
            if let exercise {
                let now = FileSignature(path: session.workspace.answerPath(for: exercise))
                if now != signature {
                    check()
                    draw(mode: events == nil ? "polling" : "file events")
                }
            }
        }
    }

    private mutating func showCurrent() {
        exercise = try? session.current()
        body = child(["next"])
        status = ""
        if let exercise { signature = FileSignature(path: session.workspace.answerPath(for: exercise)) }
    }

    private mutating func check() {
        guard let exercise else { return }
        let path = session.workspace.answerPath(for: exercise)
        signature = FileSignature(path: path)
        if session.workspace.answerIsUntouched(exercise) {
            status = "waiting for your query"
            return
        }
        status = "checking…"
        let output = SelfProcess.run(["submit", path, "--exercise", exercise.id, "--no-color"] + passthrough)
        body = output.stdout + (output.stderr.isEmpty ? "" : "\n" + output.stderr)
        let time = ProgressStoreClock.time()
        status = (output.status == 0 ? "✓ passed" : "✗ not yet") + " · checked at \(time)"
    }

    private func child(_ arguments: [String]) -> String {
        let output = SelfProcess.run(arguments + ["--no-color"] + passthrough)
        return output.stdout + (output.stderr.isEmpty ? "" : "\n" + output.stderr)
    }

    /// Clears the screen and draws the header, the body cut to fit, and the key footer.
    private func draw(mode: String) {
        let (columns, rows) = RawTerminal.size
        var lines: [String] = []
        let title = exercise.map { "\($0.title) — \(relativePath(session.workspace.answerPath(for: $0)))" } ?? "All exercises passed"
        lines.append(String(("sqlprep watch · " + title).prefix(columns)))
        lines.append(String(repeating: "─", count: min(columns, 100)))
        let available = max(1, rows - 5)
        var bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.prefix(columns)) }
        if bodyLines.count > available {
            bodyLines = Array(bodyLines.prefix(available - 1)) + ["… (\(bodyLines.count - available + 1) more lines; make the window taller)"]
        }
        lines += bodyLines
        while lines.count < rows - 2 { lines.append("") }
        lines.append(String(repeating: "─", count: min(columns, 100)))
        lines.append(String("n next · h hint · l list · r re-run · q quit    \(status) · \(mode)".prefix(columns)))
        Terminal.writeNow("\u{1B}[?25l\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\r\n"))
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
