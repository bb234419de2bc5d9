import CSpawn

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process, started with `posix_spawn` and reaped with `waitpid`.
///
/// Written here rather than taken from a library, for two reasons:
/// - Foundation's `Process` on Linux learns that a child ended when a socket the child inherited
///   closes. A grandchild that outlives the child (tmux's server, a browser's helpers) inherits that
///   socket too, and `waitUntilExit()` then waits for the grandchild, forever
///   (swift-corelibs-foundation#4795). That hung this project's CI.
/// - swift-subprocess does this right but is async-only; the grading workers and the end-to-end tests
///   talk to their children synchronously, and bridging every call would cost more than this file.
///
/// `waitpid` on the child's own pid cannot be fooled by what the child starts. Pipes are created
/// close-on-exec and the child closes every descriptor above 2, so concurrent spawns never share them.
///
/// Not thread-safe: one owner at a time. The owner reaps the child with `wait`, `communicate` or
/// `run`; dropping a running child closes its pipes but leaves it running.
public final class ChildProcess {
    /// What one of the child's standard streams is connected to.
    public enum Stream: Sendable {
        case inherit, null, pipe

        var mode: Int32 {
            switch self {
            case .inherit: Int32(CSPAWN_INHERIT.rawValue)
            case .null: Int32(CSPAWN_NULL.rawValue)
            case .pipe: Int32(CSPAWN_PIPE.rawValue)
            }
        }
    }

    /// How a child ended.
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)

        /// The exit code, or 128 + the signal number, as a shell reports it.
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signaled(let signal): 128 + signal
            }
        }
    }

    /// The child could not be started.
    public struct SpawnError: Error, CustomStringConvertible, Sendable {
        public let executable: String
        public let code: Int32
        public var description: String { "could not start \(executable): \(String(cString: strerror(code)))" }
    }

    /// What `communicate` collected.
    public struct Output: Sendable {
        public let termination: Termination
        public let standardOutput: [UInt8]
        public let standardError: [UInt8]
        /// The child was killed because it outlived its deadline.
        public let timedOut: Bool

        public var status: Int32 { termination.status }
        public var standardOutputText: String { String(decoding: standardOutput, as: UTF8.self) }
        public var standardErrorText: String { String(decoding: standardError, as: UTF8.self) }
    }

    public let pid: pid_t
    /// The parent's end of each pipe, or -1 when that stream is not a pipe (or was closed).
    public private(set) var standardInput: Int32
    public private(set) var standardOutput: Int32
    public private(set) var standardError: Int32
    private let leadsGroup: Bool
    private var termination: Termination?

    /// Writing to a child that has exited must fail with EPIPE, not kill this process with SIGPIPE.
    private static let ignoreBrokenPipes: Void = ignoreSIGPIPE()

    /// Starts `executable` (a path; there is no PATH search) with `arguments`.
    /// - Parameters:
    ///   - environment: the child's whole environment; nil passes this process's own.
    ///   - directory: the child's working directory; nil keeps this process's.
    ///   - newProcessGroup: the child leads a process group of its own, so `signal` reaches
    ///     everything it starts (and a terminal's Ctrl-C does not reach it).
    public init(
        executable: String, arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
        stdin: Stream = .null, stdout: Stream = .pipe, stderr: Stream = .pipe, newProcessGroup: Bool = false
    ) throws(SpawnError) {
        if stdin == .pipe { Self.ignoreBrokenPipes }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        var input: Int32 = -1, output: Int32 = -1, error: Int32 = -1
        let result = argv.withUnsafeBufferPointer { argvPointer in
            withEnvironment(envp) { envpPointer in
                cspawn_start(
                    executable, argvPointer.baseAddress, envpPointer, directory,
                    stdin.mode, stdout.mode, stderr.mode, newProcessGroup ? 1 : 0,
                    &pid, &input, &output, &error)
            }
        }
        guard result == 0 else { throw SpawnError(executable: executable, code: result) }
        self.pid = pid
        standardInput = input
        standardOutput = output
        standardError = error
        leadsGroup = newProcessGroup
    }

    deinit {
        for fd in [standardInput, standardOutput, standardError] where fd >= 0 { close(fd) }
    }

    /// Closes the parent's end of the child's standard input: the child reads end-of-file.
    public func closeInput() {
        if standardInput >= 0 { close(standardInput) }
        standardInput = -1
    }

    /// Writes all of `bytes` to the child's standard input; false if the child is not reading any more.
    @discardableResult
    public func writeInput(_ bytes: [UInt8]) -> Bool {
        guard standardInput >= 0 else { return false }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(standardInput, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Sends `signal` to the child, or to its whole process group if it leads one.
    public func signal(_ signal: Int32) {
        guard termination == nil else { return }
        _ = kill(leadsGroup ? -pid : pid, signal)
    }

    /// Whether the child is still running (reaping it if it has ended).
    public var isRunning: Bool { terminationIfEnded() == nil }

    /// The termination if the child has ended, without waiting.
    public func terminationIfEnded() -> Termination? {
        if let termination { return termination }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid { termination = Self.decode(status) }
        return termination
    }

    /// Waits for the child to end.
    @discardableResult
    public func wait() -> Termination {
        if let termination { return termination }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                // ECHILD: someone else reaped it; there is nothing more to learn.
                termination = .exited(-1)
                return .exited(-1)
            }
        }
        let ended = Self.decode(status)
        termination = ended
        return ended
    }

    /// Waits up to `seconds` for the child to end; nil if it is still running.
    public func wait(timeout seconds: Double) -> Termination? {
        let deadline = Self.now() + seconds
        while true {
            if let ended = terminationIfEnded() { return ended }
            if Self.now() >= deadline { return nil }
            usleep(10_000)
        }
    }

    /// Writes `input` to the child's standard input (then closes it), reads its standard output and
    /// error to their ends at the same time (so no full pipe can block the child), and waits for it.
    ///
    /// Past `timeout` seconds the child (or its group) is killed with SIGKILL and `timedOut` is set.
    /// Once the child has ended, pipes still held open by something it started are read for at most
    /// half a second more.
    public func communicate(input: [UInt8] = [], timeout: Double? = nil) -> Output {
        var pendingInput = input[...]
        if standardInput >= 0 {
            if pendingInput.isEmpty {
                closeInput()
            } else {
                _ = fcntl(standardInput, F_SETFL, fcntl(standardInput, F_GETFL) | O_NONBLOCK)
            }
        }
        let outputEnd = standardOutput, errorEnd = standardError
        var collected: [Int32: [UInt8]] = [:]
        let deadline = timeout.map { Self.now() + $0 }
        var endedAt: Double?
        var timedOut = false
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            var descriptors: [pollfd] = []
            for fd in [standardOutput, standardError] where fd >= 0 {
                descriptors.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
            }
            if standardInput >= 0 { descriptors.append(pollfd(fd: standardInput, events: Int16(POLLOUT), revents: 0)) }
            if descriptors.isEmpty {
                // Every stream is closed: what is left is the child's end, or its deadline.
                if terminationIfEnded() != nil { break }
                usleep(10_000)
            } else {
                _ = poll(&descriptors, nfds_t(descriptors.count), 50)
            }
            for descriptor in descriptors where descriptor.revents != 0 {
                if descriptor.fd == standardInput {
                    let written = pendingInput.withUnsafeBytes { write(descriptor.fd, $0.baseAddress, $0.count) }
                    if written > 0 { pendingInput = pendingInput.dropFirst(written) }
                    if pendingInput.isEmpty || (written < 0 && errno != EAGAIN && errno != EINTR) { closeInput() }
                    continue
                }
                let count = read(descriptor.fd, &chunk, chunk.count)
                if count > 0 {
                    collected[descriptor.fd, default: []].append(contentsOf: chunk[0..<count])
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    closeReadEnd(descriptor.fd)
                }
            }
            let now = Self.now()
            if endedAt == nil, terminationIfEnded() != nil { endedAt = now }
            if let endedAt, now - endedAt > 0.5 { break }
            if let deadline, now >= deadline, !timedOut {
                timedOut = true
                signal(SIGKILL)
            }
        }
        let output = outputEnd >= 0 ? collected[outputEnd] ?? [] : []
        let error = errorEnd >= 0 ? collected[errorEnd] ?? [] : []
        closeInput()
        closeReadEnd(standardOutput)
        closeReadEnd(standardError)
        return Output(termination: wait(), standardOutput: output, standardError: error, timedOut: timedOut)
    }

    /// Starts a child, feeds it `input`, collects what it prints, and waits for it (see `communicate`).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
        input: [UInt8]? = nil, timeout: Double? = nil, newProcessGroup: Bool = false
    ) throws(SpawnError) -> Output {
        let child = try ChildProcess(
            executable: executable, arguments: arguments, environment: environment, directory: directory,
            stdin: input == nil ? .null : .pipe, stdout: .pipe, stderr: .pipe, newProcessGroup: newProcessGroup)
        return child.communicate(input: input ?? [], timeout: timeout)
    }

    private func closeReadEnd(_ fd: Int32) {
        guard fd >= 0 else { return }
        if fd == standardOutput {
            close(fd)
            standardOutput = -1
        } else if fd == standardError {
            close(fd)
            standardError = -1
        }
    }

    private static func decode(_ status: Int32) -> Termination {
        cspawn_signaled(status) != 0 ? .signaled(cspawn_signal(status)) : .exited(cspawn_exit_code(status))
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

private func ignoreSIGPIPE() {
    signal(SIGPIPE, SIG_IGN)
}

/// Calls `body` with a C environment array: `envp`, or this process's own environment.
private func withEnvironment<R>(_ envp: [UnsafeMutablePointer<CChar>?]?, _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> R) -> R {
    guard let envp else { return body(environ) }
    return envp.withUnsafeBufferPointer { body($0.baseAddress) }
}
