import Foundation

/// Runs this same `sqlprep` binary as a child process. `watch` and `shell` run every learner query
/// this way: a query that must be stopped from outside (see the sandbox's watchdog) ends the child,
/// never the interactive session.
enum SelfProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: resolved)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0])
    }

    static func run(_ arguments: [String], environment extra: [String: String] = [:]) -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Output(status: 70, stdout: "", stderr: "Could not start \(executable.path): \(error.localizedDescription)")
        }
        let collector = Collector(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: collector.finish(), as: UTF8.self))
    }

    /// Reads a pipe to its end on another thread, so neither pipe can fill up and block the child.
    final class Collector: @unchecked Sendable {
        // @unchecked: `data` is written by the thread and read only after `done` is signalled.
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func finish() -> Data {
            done.wait()
            return data
        }
    }
}
