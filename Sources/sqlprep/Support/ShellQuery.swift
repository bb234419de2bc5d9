import Foundation
import SQLPrepProcess

/// One statement of `sqlprep shell`, run as a child `sqlprep run` (see ``SelfProcess``) that
/// Ctrl-C can cancel.
///
/// Cancelling kills the child's process group. The query runs in that child, not in the shell, so
/// the child is what is interrupted; killing it stops even what SQLite's own interrupt cannot (one
/// long `printf()` call), at once, and leaves the shell and its dataset untouched.
enum ShellQuery {
    enum Outcome {
        case finished(SelfProcess.Output)
        /// Ctrl-C was pressed while the query ran: the child was killed.
        case cancelled
    }

    /// Runs `arguments` in a child sqlprep. With `watchKeys`, standard input (a terminal in raw
    /// mode, signal keys off: see ``ShellTerminal``) is watched too: Ctrl-C cancels, and any other
    /// key is kept in `typeAhead` for the next prompt.
    static func run(_ arguments: [String], watchKeys: Bool, typeAhead: inout [UInt8]) -> Outcome {
        let child: ChildProcess
        do {
            // Its own process group, so a signal from the terminal never reaches it directly and
            // killing the group ends everything it runs.
            child = try ChildProcess(executable: SelfProcess.executable.path, arguments: arguments, stdin: .null, newProcessGroup: watchKeys)
        } catch {
            return .finished(SelfProcess.Output(status: 70, stdout: "", stderr: "Could not start \(SelfProcess.executable.path): \(error)"))
        }
        if watchKeys { ShellTerminal.runningGroup = child.pid }
        defer { ShellTerminal.runningGroup = 0 }
        var output: [UInt8] = [], errors: [UInt8] = []
        var open = [child.standardOutput, child.standardError].filter { $0 >= 0 }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty {
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if watchKeys { descriptors.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
            guard poll(&descriptors, nfds_t(descriptors.count), 200) > 0 else { continue }
            for descriptor in descriptors where descriptor.revents != 0 {
                let count = read(descriptor.fd, &chunk, chunk.count)
                if descriptor.fd == STDIN_FILENO {
                    guard count > 0 else { continue }
                    let keys = chunk[0..<count]
                    if keys.contains(3) {
                        child.signal(SIGKILL)
                        child.wait()
                        return .cancelled
                    }
                    typeAhead.append(contentsOf: keys)
                } else if count > 0 {
                    if descriptor.fd == child.standardOutput { output += chunk[0..<count] } else { errors += chunk[0..<count] }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    open.removeAll { $0 == descriptor.fd }
                }
            }
        }
        let status = child.wait().status
        return .finished(SelfProcess.Output(
            status: status, stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errors, as: UTF8.self)))
    }
}

/// The shell's terminal settings on top of ``RawTerminal``'s raw mode.
enum ShellTerminal {
    /// The process group of the query running now, or 0. A child in a group of its own does not
    /// hear the terminal hang up, so the shell ends it when it is itself ended.
    nonisolated(unsafe) static var runningGroup: pid_t = 0

    /// Turns the terminal's signal keys off (`ISIG`), so Ctrl-C reaches the shell as a key rather
    /// than as SIGINT, which would end it. ``RawTerminal/restore()`` puts the saved settings back.
    /// Also ends the running query with the shell on SIGTERM or SIGHUP (replacing
    /// ``RawTerminal``'s handlers, which only restore the terminal).
    static func signalKeysOff() {
        guard isatty(STDIN_FILENO) == 1 else { return }
        for sig in [SIGTERM, SIGHUP] {
            signal(sig) { signal in
                if ShellTerminal.runningGroup > 0 { kill(-ShellTerminal.runningGroup, SIGKILL) }
                RawTerminal.restore()
                _exit(128 + signal)
            }
        }
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        settings.c_lflag &= ~tcflag_t(ISIG)
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }
}
