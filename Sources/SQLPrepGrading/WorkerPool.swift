import Foundation
import SQLPrepExercises
import SQLPrepProcess

/// Runs grading jobs on `count` worker processes (`sqlprep grade-worker CONFIGURATION`), one job at a time each.
///
/// A worker that exits, crashes or overruns a job's deadline is killed and replaced; the job it
/// held is answered with `timeout` (deadline) or `limit` (the worker died), so a hostile
/// submission costs only its own grade and a moment of one worker's time.
public final class WorkerPool: @unchecked Sendable {
    // @unchecked: the queue and results are guarded by `lock`; each worker thread owns its process.
    let executable: URL
    let arguments: [String]
    let count: Int
    let jobDeadline: Duration
    let datasets: [GradingDataset]
    private let lock = NSLock()
    private var queue: [GradingJob] = []
    private var results: [Int: [DatasetCheck]] = [:]
    private let progress: (@Sendable (Int, Int) -> Void)?

    /// - Parameters:
    ///   - jobDeadline: how long one job may take in all (every dataset) before its worker is killed (``JobDeadline``).
    ///   - progress: called with (done, total) after each job.
    public init(executable: URL, arguments: [String], count: Int, jobDeadline: Duration, datasets: [GradingDataset],
                progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.count = max(1, count)
        self.jobDeadline = jobDeadline
        self.datasets = datasets
        self.progress = progress
    }

    /// Runs every job and returns the outcomes by job id.
    public func run(_ jobs: [GradingJob]) -> [Int: [DatasetCheck]] {
        queue = jobs.reversed()
        let total = jobs.count
        let group = DispatchGroup()
        for _ in 0..<min(count, max(1, jobs.count)) {
            group.enter()
            let thread = Thread { [self] in
                drive(total: total)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        return results
    }

    private func nextJob() -> GradingJob? { lock.withLock { queue.popLast() } }

    private func finish(_ id: Int, _ outcomes: [DatasetCheck], total: Int) {
        let done = lock.withLock { () -> Int in
            results[id] = outcomes
            return results.count
        }
        progress?(done, total)
    }

    /// One worker thread: keeps a worker process, hands it jobs, replaces it when it fails.
    private func drive(total: Int) {
        var worker: Worker?
        while let job = nextJob() {
            if worker == nil { worker = Worker(executable: executable, arguments: arguments) }
            guard let current = worker else {
                finish(job.id, stopped(.workerUnavailable, reason: .limit), total: total)
                continue
            }
            switch current.ask(job, deadline: jobDeadline) {
            case .answer(let result):
                finish(job.id, result.outcomes, total: total)
                // After a timeout the worker may be ending itself (the watchdog's hard stop): replace it.
                if result.outcomes.contains(where: { $0.reason == .timeout }) || !current.isRunning {
                    current.kill()
                    worker = nil
                }
            case .timedOut:
                current.kill()
                worker = nil
                finish(job.id, stopped(.deadline, reason: .timeout), total: total)
            case .died:
                current.kill()
                worker = nil
                finish(job.id, stopped(.workerDied, reason: .limit), total: total)
            }
        }
        worker?.close()
    }

    private func stopped(_ stop: DatasetCheck.Stop, reason: Verdict.Reason) -> [DatasetCheck] {
        datasets.map { DatasetCheck.stopped(stop, reason: reason, on: $0) }
    }
}

/// One worker process and its pipes.
final class Worker {
    enum Reply {
        case answer(GradingJobResult)
        case timedOut
        case died
    }

    private let process: ChildProcess
    private var buffer: [UInt8] = []

    init?(executable: URL, arguments: [String]) {
        do {
            process = try ChildProcess(executable: executable.path, arguments: arguments, stdin: .pipe, stdout: .pipe, stderr: .null)
        } catch {
            return nil
        }
    }

    var isRunning: Bool { process.isRunning }

    func ask(_ job: GradingJob, deadline: Duration) -> Reply {
        guard var line = try? JSONEncoder().encode(job) else { return .died }
        line.append(0x0A)
        guard process.writeInput(Array(line)) else { return .died }
        let end = Date().addingTimeInterval(Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18)
        let fd = process.standardOutput
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let data = Data(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if let result = try? JSONDecoder().decode(GradingJobResult.self, from: data), result.id == job.id {
                    return .answer(result)
                }
                continue
            }
            let remaining = end.timeIntervalSinceNow
            if remaining <= 0 { return .timedOut }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0 {
                if errno == EINTR { continue }
                return .died
            }
            if ready == 0 { continue }
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 { return .died }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    func kill() {
        process.signal(SIGKILL)
        process.wait()
    }

    func close() {
        process.closeInput()
        process.wait()
    }
}
