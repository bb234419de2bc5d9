import Foundation
import SQLPrepProcess
import Testing

@Suite("Child processes")
struct ChildProcessTests {
    static func sh(_ script: String, input: String? = nil, timeout: Double? = nil, group: Bool = false) throws -> ChildProcess.Output {
        try ChildProcess.run("/bin/sh", ["-c", script], input: input.map { Array($0.utf8) }, timeout: timeout, newProcessGroup: group)
    }

    @Test("Exit codes and signals are reported as a shell would", arguments: [
        ("exit 0", ChildProcess.Termination.exited(0), Int32(0)),
        ("exit 3", .exited(3), 3),
        ("exit 64", .exited(64), 64),
        ("kill -9 $$", .signaled(9), 137),
        ("kill -INT $$", .signaled(2), 130),
    ])
    func terminations(script: String, termination: ChildProcess.Termination, status: Int32) throws {
        let output = try Self.sh(script)
        #expect(output.termination == termination)
        #expect(output.status == status)
        #expect(!output.timedOut)
    }

    @Test("Input reaches the child; output and error come back separately")
    func roundTrip() throws {
        let output = try Self.sh("tr a-z A-Z; echo oops >&2", input: "hello\n")
        #expect(output.standardOutputText == "HELLO\n")
        #expect(output.standardErrorText == "oops\n")
    }

    @Test("Megabytes on both pipes and on standard input do not block either side")
    func largeStreams() throws {
        let input = String(repeating: "0123456789abcdef\n", count: 200_000)  // 3.4 MB
        let output = try Self.sh("cat; head -c 3000000 /dev/zero >&2", input: input)
        #expect(output.standardOutput.count == input.utf8.count)
        #expect(output.standardError.count == 3_000_000)
    }

    @Test("A grandchild that keeps the pipes open does not keep the caller waiting")
    func grandchildHoldsPipes() throws {
        let started = Date()
        let output = try Self.sh("sleep 30 & echo started")
        #expect(output.standardOutputText == "started\n")
        #expect(output.termination == .exited(0))
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("Past its timeout the child's whole group is killed, also when it closed its output and kept running", arguments: [
        ("echo before; sleep 30; echo after", "before\n"),
        ("exec >&- 2>&-; sleep 30", ""),
    ])
    func timeout(script: String, printed: String) throws {
        let started = Date()
        let output = try Self.sh(script, timeout: 0.5, group: true)
        #expect(output.timedOut)
        #expect(output.termination == .signaled(SIGKILL))
        #expect(output.standardOutputText == printed)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("Environment and working directory are the child's own")
    func environmentAndDirectory() throws {
        let output = try ChildProcess.run("/bin/sh", ["-c", "echo $ONLY_THIS:$HOME; pwd"], environment: ["ONLY_THIS": "yes"], directory: "/usr")
        #expect(output.standardOutputText == "yes:\n/usr\n")
    }

    @Test("A missing executable is an error, not a crash")
    func missingExecutable() {
        #expect(throws: ChildProcess.SpawnError.self) { try ChildProcess.run("/no/such/program", []) }
    }

    @Test("Pipes are not inherited by children started at the same time")
    func concurrentSpawns() throws {
        // Long-lived and quick children are started at the same time from two threads. If a long-lived
        // child inherited a quick one's pipe, reading the quick one's output would see no end-of-file
        // until the long-lived one exits (in 600 s): its 60 s timeout, a hang detector rather than a
        // speed test, would trip.
        /// What the threads started and saw (@unchecked: guarded by `lock`).
        final class Started: @unchecked Sendable {
            let lock = NSLock()
            var slow: [ChildProcess] = [], quick: [ChildProcess.Output] = []
        }
        let started = Started()
        DispatchQueue.concurrentPerform(iterations: 24) { index in
            if index % 6 == 0 {
                if let child = try? ChildProcess(executable: "/bin/sleep", arguments: ["600"]) { started.lock.withLock { started.slow.append(child) } }
            } else if let output = try? Self.sh("echo quick", timeout: 60) {
                started.lock.withLock { started.quick.append(output) }
            }
        }
        let slow = started.slow, quickOutputs = started.quick
        for child in slow { child.signal(SIGKILL); _ = child.wait() }
        #expect(slow.count == 4 && quickOutputs.count == 20)
        for output in quickOutputs {
            #expect(!output.timedOut && output.standardOutputText == "quick\n", "a quick child waited for a long-lived one")
        }
    }

    @Test("A long-lived child can be asked, signalled and reaped")
    func interactive() throws {
        let child = try ChildProcess(executable: "/bin/cat", arguments: [], stdin: .pipe, stdout: .pipe, stderr: .null)
        #expect(child.writeInput(Array("ping\n".utf8)))
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = read(child.standardOutput, &buffer, buffer.count)
        #expect(String(decoding: buffer[0..<max(count, 0)], as: UTF8.self) == "ping\n")
        #expect(child.isRunning)
        child.signal(SIGKILL)
        #expect(child.wait() == .signaled(SIGKILL))
        #expect(!child.isRunning)
        #expect(!child.writeInput(Array("late\n".utf8)), "writing to a dead child fails instead of killing the caller")
    }
}
