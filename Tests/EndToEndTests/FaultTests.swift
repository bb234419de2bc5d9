import Foundation
import SQLPrepProcess
import TestSupport
import Testing

/// Faults around the progress store: kills mid-write, a full disk, a read-only workspace.
@Suite("Faults and data safety", .serialized)
struct FaultTests {
    /// Mounting needs root with CAP_SYS_ADMIN, which this project's machines and CI have.
    static let canMount: Bool = {
        let probe = Scratch.root + "/mount-probe"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { _ = shell("umount \(probe) 2>/dev/null; rmdir \(probe)") }
        return shell("mount -t tmpfs -o size=1m tmpfs \(probe) 2>/dev/null") == 0
    }()

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        (try? ChildProcess.run("/bin/sh", ["-c", command], timeout: 60))?.status ?? 127
    }

    static func passedWorkspace() throws -> (String, String) {
        let workspace = try Scratch.folder()
        _ = try CLI.run(["init", "--workspace", workspace])
        let query = workspace + "/orders-by-status.sql"
        try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql").write(toFile: query, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["submit", query, "--workspace", workspace]).status == 0)
        return (workspace, query)
    }

    static func stillPassed(_ workspace: String) throws -> Bool {
        try CLI.run(["list", "--json", "--workspace", workspace]).stdout.contains(#""id":"orders-by-status","title":"Orders by status","track":"01-warm-up","difficulty":"easy","status":"passed""#)
    }

    @Test("kill -9 during import and during reset --all leaves a store that opens and keeps what was committed")
    func killDuringImportAndReset() throws {
        let (workspace, _) = try Self.passedWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        // A large export to import.
        var attempts: [String] = []
        for index in 0..<20_000 {
            attempts.append(#"{"id":"bulk-\#(index)","at":"2026-01-01T00:00:00Z","exercise":"cpo-by-channel","query_hash":"h","query":"SELECT \#(index)","status":"fail","reason":"wrong_result","diagnoses":[],"elapsed_ms":1}"#)
        }
        let export = workspace + "/bulk.json"
        try (#"{"format":"sqlprep-progress","version":1,"exported_at":"x","attempts":["# + attempts.joined(separator: ",") + #"],"hints":[],"events":[]}"#)
            .write(toFile: export, atomically: true, encoding: .utf8)
        for (arguments, delay) in [(["progress", "import", export], 0.3), (["reset", "--all", "--yes"], 0.15)] {
            let process = try CLI.start(arguments + ["--workspace", workspace])
            Thread.sleep(forTimeInterval: delay)
            process.signal(SIGKILL)
            process.wait()
            let list = try CLI.run(["progress", "show", "--json", "--workspace", workspace])
            #expect(list.status == 0, "the store still opens: \(list.stderr)")
            // The import is one transaction: all 20,000 attempts or none.
            let cpo = list.stdout.range(of: #""id":"cpo-by-channel"[^}]*"#, options: .regularExpression).map { String(list.stdout[$0]) } ?? ""
            #expect(cpo.contains(#""attempts":0"#) || cpo.contains(#""attempts":20000"#), "\(cpo)")
        }
    }

    @Test("A full disk: the submit fails with a clear message and earlier progress is intact", .enabled(if: canMount))
    func diskFull() throws {
        let mount = try Scratch.folder()
        defer { Self.shell("umount \(mount)"); try? FileManager.default.removeItem(atPath: mount) }
        #expect(Self.shell("mount -t tmpfs -o size=600k tmpfs \(mount)") == 0)
        let workspace = mount + "/ws"
        _ = try CLI.run(["init", "--workspace", workspace])
        let files = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: files) }
        let query = files + "/full.sql", big = files + "/big.sql"
        try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql").write(toFile: query, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["submit", query, "--exercise", "orders-by-status", "--workspace", workspace]).status == 0)
        // Fill the disk, then submit a large query (its text is recorded).
        Self.shell("dd if=/dev/zero of=\(mount)/filler bs=1k count=2000 2>/dev/null")
        try ("-- exercise: users-by-country\nSELECT 1 -- " + String(repeating: "x", count: 90_000)).write(toFile: big, atomically: true, encoding: .utf8)
        let out = try CLI.run(["submit", big, "--workspace", workspace])
        #expect(out.status == 1)
        #expect(out.stderr.contains("disk is full") || out.stderr.contains("could not be used"), "\(out.stderr)")
        Self.shell("rm -f \(mount)/filler")
        #expect(try Self.stillPassed(workspace))
    }

    @Test("A read-only workspace: commands that write say so; reading still works", .enabled(if: canMount))
    func readOnlyWorkspace() throws {
        let mount = try Scratch.folder()
        defer { Self.shell("umount \(mount)"); try? FileManager.default.removeItem(atPath: mount) }
        #expect(Self.shell("mount -t tmpfs -o size=4m tmpfs \(mount)") == 0)
        let workspace = mount + "/ws"
        _ = try CLI.run(["init", "--workspace", workspace])
        let query = try Scratch.folder() + "/ro.sql"
        try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql").write(toFile: query, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["submit", query, "--exercise", "orders-by-status", "--workspace", workspace]).status == 0)
        #expect(Self.shell("mount -o remount,ro \(mount)") == 0)
        let out = try CLI.run(["submit", query, "--exercise", "orders-by-status", "--workspace", workspace])
        #expect(out.status == 1)
        #expect(out.stderr.contains("read-only") || out.stderr.contains("could not be used"), "\(out.stdout)\(out.stderr)")
        #expect(!out.stderr.contains("Fatal error"))
        Self.shell("mount -o remount,rw \(mount)")
        #expect(try Self.stillPassed(workspace))
    }
}
