import Foundation
import SQLPrepProcess
import TestSupport
import Testing

/// Runs the built `sqlprep` binary, as a user would.
struct CLI {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
    }

    /// The folder holding the test bundle also holds the built `sqlprep`.
    static let binary: URL = {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for folder in candidates {
            let url = folder.appendingPathComponent("sqlprep")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: ".build/debug/sqlprep")
    }()

    /// One dataset cache for the whole test run, so each scale is generated once.
    static let cacheDirectory: String = {
        if let shared = ProcessInfo.processInfo.environment["SQLPREP_CACHE_DIR"], !shared.isEmpty { return shared }
        return Scratch.root + "/cache"
    }()

    /// PATH with the built binary's folder first, so `sqlprep` on PATH is the binary under test and its
    /// advice says `sqlprep next`, as an installed sqlprep does (`CommandSpellingEndToEndTests` run it
    /// without, to see `swift run sqlprep next`).
    static let searchPath: String = {
        let folder = binary.deletingLastPathComponent().path
        return folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }()

    /// No single command in these tests should come near this; past it the command is killed and the
    /// test fails, instead of the whole run hanging.
    static let commandTimeout = 240.0

    static func run(
        _ arguments: [String], stdin: String? = nil, in directory: String? = nil, environment extra: [String: String] = [:],
        executable: String? = nil
    ) throws -> Output {
        var environment = ProcessInfo.processInfo.environment
        environment["SQLPREP_CACHE_DIR"] = cacheDirectory
        environment["COLUMNS"] = "100"
        environment.removeValue(forKey: "NO_COLOR")
        environment["PATH"] = searchPath
        for (key, value) in extra { environment[key] = value }
        let start = Date()
        let output = try ChildProcess.run(
            executable ?? binary.path, arguments, environment: environment, directory: directory, input: Array((stdin ?? "").utf8), timeout: commandTimeout)
        if output.timedOut { Issue.record("sqlprep \(arguments.joined(separator: " ")) ran past \(commandTimeout) s and was killed") }
        return Output(
            status: output.status, stdout: output.standardOutputText, stderr: output.standardErrorText,
            seconds: Date().timeIntervalSince(start))
    }

    /// Starts sqlprep with its output discarded, for tests that signal it mid-way.
    static func start(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(
            executable: binary.path, arguments: arguments,
            environment: ["SQLPREP_CACHE_DIR": cacheDirectory, "PATH": "/usr/bin:/bin"], stdout: .null, stderr: .null)
    }
}
