import Foundation
import SQLPrepProcess
import TestSupport
import Testing

/// Screens tell the learner to run what runs for them: `swift run sqlprep …` for the binary in the
/// build folder (the README's Quick start), `sqlprep …` once it is installed on PATH.
@Suite("Advice spells the command as it was run")
struct CommandSpellingEndToEndTests {
    @Test("Run from the build folder, with no sqlprep on PATH: swift run sqlprep")
    func buildFolder() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let out = try CLI.run(["init", "--workspace", workspace], environment: ["PATH": "/usr/bin:/bin"])
        #expect(out.stdout.contains("Run swift run sqlprep next to begin."), "\(out.stdout)")
        let help = try CLI.run(["submit", "--help"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(help.stdout.contains("swift run sqlprep submit answers/orders-by-status.sql"), "\(help.stdout)")
        let error = try CLI.run(["submit", "nowhere.sql", "--workspace", workspace], environment: ["PATH": "/usr/bin:/bin"])
        #expect(error.stderr.contains("or run swift run sqlprep submit with no file"), "\(error.stderr)")
    }

    @Test(
        "Installed on PATH (a copy, or a link to the build), run by name or by the path on PATH: sqlprep",
        arguments: [("copy", false), ("link", false), ("link", true)])
    func onPath(install: String, byPath: Bool) throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bin = folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        if install == "copy" {
            try FileManager.default.copyItem(atPath: CLI.binary.path, toPath: bin + "/sqlprep")
        } else {
            try FileManager.default.createSymbolicLink(atPath: bin + "/sqlprep", withDestinationPath: CLI.binary.path)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin + ":/usr/bin:/bin"
        environment["SQLPREP_CACHE_DIR"] = CLI.cacheDirectory
        let command = (byPath ? bin + "/sqlprep" : "sqlprep") + " init --workspace \(folder)/ws"
        let out = try ChildProcess.run("/bin/sh", ["-c", command], environment: environment, timeout: CLI.commandTimeout)
        #expect(out.status == 0, "\(out.standardErrorText)")
        #expect(out.standardOutputText.contains("Run sqlprep next to begin."), "\(out.standardOutputText)")
        #expect(!out.standardOutputText.contains("swift run"))
    }
}
