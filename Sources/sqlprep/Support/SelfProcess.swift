import Foundation
import SQLPrepProcess

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

    static func run(_ arguments: [String]) -> Output {
        do {
            let output = try ChildProcess.run(executable.path, arguments)
            return Output(status: output.status, stdout: output.standardOutputText, stderr: output.standardErrorText)
        } catch {
            return Output(status: 70, stdout: "", stderr: "Could not start \(executable.path): \(error)")
        }
    }
}
