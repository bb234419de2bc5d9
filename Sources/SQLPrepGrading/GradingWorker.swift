import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLPrepText

/// One unit of grading work: a learner's query for one exercise, run on every dataset.
public struct GradingJob: Sendable, Codable, Hashable {
    public let id: Int
    public let exercise: String
    /// The query's bytes, base64 (they may be invalid UTF-8, which the sandbox must see as such).
    public let sql: String

    public init(id: Int, exercise: String, bytes: [UInt8]) {
        self.id = id
        self.exercise = exercise
        self.sql = Data(bytes).base64EncodedString()
    }

    var bytes: [UInt8] { Array(Data(base64Encoded: sql) ?? Data()) }
}

public struct GradingJobResult: Sendable, Codable, Hashable {
    public let id: Int
    public let outcomes: [DatasetCheck]
}

/// The worker side of grading (`sqlprep grade-worker CONFIGURATION`): a process that reads jobs as JSON lines on
/// standard input and answers each with one JSON line. It owns the process-wide SQLite heap limit,
/// so one submission's memory bomb cannot reach another process; when the watchdog must stop a
/// query from outside, the worker answers `timeout` for that job and exits, and the parent starts
/// a fresh worker for the jobs that remain.
public final class GradingWorker: @unchecked Sendable {
    // @unchecked: used from the worker's main thread, and from the watchdog thread only to answer
    // the job in flight and exit; `lock` guards that hand-over.
    let course: Course
    let configuration: WorkerConfiguration
    let limits: SandboxLimits
    let cache: ImageCache?
    let output: FileHandle
    private var indexes: [DatasetSpec: CounterexampleSearch.Index] = [:]
    private var sandboxes: [DatasetSpec: Sandbox] = [:]
    private var references: [String: QueryResult?] = [:]
    /// Results of statements already run, by dataset: in a class many files hold the same statement
    /// (the same answer, or the same one under different starter comments), and it runs once.
    private var runs = RunCache()
    /// Learner statements actually run (for tests of the reuse above).
    private(set) var statementsRun = 0
    private let lock = NSLock()
    private var inFlight: (job: GradingJob, datasets: [GradingDataset], done: [DatasetCheck])?

    public init(course: Course, configuration: WorkerConfiguration, output: FileHandle = .standardOutput) {
        self.course = course
        self.configuration = configuration
        self.limits = configuration.limits.sandboxLimits
        self.cache = configuration.cacheDirectory.map { ImageCache(directory: $0) }
        self.output = output
    }

    /// The worker a configuration describes, with its course loaded (the built-in one, or the folder it names).
    public convenience init(configuration: WorkerConfiguration, output: FileHandle = .standardOutput) throws {
        let course = try configuration.coursePath.map { try Course.load(directory: $0) } ?? Course.builtIn()
        self.init(course: course, configuration: configuration, output: output)
    }

    /// Reads jobs until end of input.
    public func run(input: FileHandle = .standardInput) {
        SQLiteLibrary.setHardHeapLimit(limits.memoryBytes)
        var buffer = Data()
        while true {
            let chunk = input.availableData
            if chunk.isEmpty { return }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                guard let job = try? JSONDecoder().decode(GradingJob.self, from: line) else { continue }
                answer(GradingJobResult(id: job.id, outcomes: grade(job)))
            }
        }
    }

    func answer(_ result: GradingJobResult) {
        guard var data = try? JSONEncoder().encode(result) else { return }
        data.append(0x0A)
        output.write(data)
    }

    /// Grades one job on every dataset.
    public func grade(_ job: GradingJob) -> [DatasetCheck] {
        guard let exercise = course.exercise(id: job.exercise) else {
            return [DatasetCheck(dataset: "practice", hidden: false, status: .error, reason: .refused, diagnoses: [], finding: .unknownExercise)]
        }
        let datasets = GradingDataset.plan(practice: exercise.dataset, hiddenCount: configuration.hiddenVariants, key: configuration.variantKey,
                                           variantScale: configuration.variantScale)
        let bytes = job.bytes
        var checks: [DatasetCheck] = []
        lock.withLock { inFlight = (job, datasets, []) }
        defer { lock.withLock { inFlight = nil } }
        for dataset in datasets {
            // Hidden datasets only for an answer that passes the practice data (a wrong answer, or one
            // that ran out of its limits there, scores 0 whatever they say: Scoring), so a wrong answer
            // or a runaway costs one run, not one per dataset.
            if dataset.hidden, let practice = checks.first, !practice.hidden, practice.status != .pass, practice.status != .skipped {
                checks.append(DatasetCheck.notRun(on: dataset))
            } else {
                checks.append(grade(bytes, exercise: exercise, on: dataset))
            }
            lock.withLock { inFlight?.done = checks }
        }
        if configuration.explainBudget > 0 {
            explain(&checks, datasets: datasets, exercise: exercise, query: String(decoding: bytes, as: UTF8.self))
        }
        return checks
    }

    /// Adds a counterexample: from the practice dataset when the answer fails there (the learner sees
    /// it), else from the first hidden dataset it fails on (the instructor sees it; hidden data stays hidden).
    private func explain(_ checks: inout [DatasetCheck], datasets: [GradingDataset], exercise: Exercise, query: String) {
        guard let target = checks.firstIndex(where: { !$0.hidden && $0.status == .fail })
                ?? checks.firstIndex(where: { $0.hidden && $0.status == .fail }) else { return }
        let spec = datasets[target].spec
        guard let sandbox = sandbox(for: spec) else { return }
        let index: CounterexampleSearch.Index
        if let cached = indexes[spec] {
            index = cached
        } else {
            guard let built = try? CounterexampleSearch.Index(image: sandbox.image) else { return }
            indexes[spec] = built
            index = built
        }
        let search = CounterexampleSearch(
            exercise: exercise, learnerSQL: query, image: sandbox.image,
            budget: CounterexampleSearch.Budget(candidates: configuration.explainBudget), limits: sandbox.limits)
        let outcome = try? search.run(index: index)
        if case .stoppedBySafetyNet(let seconds)? = outcome {
            // Said, so that a missing example is never silently machine-dependent.
            checks[target].instructorNote = CounterexampleText.safetyNetNote(seconds: seconds, style: TextStyle(color: false))
            return
        }
        guard let example = outcome?.example, example.rowCount <= CounterexampleText.largestShown else { return }
        if checks[target].hidden {
            checks[target].instructorNote = CounterexampleText.render(example, style: TextStyle(color: false), audience: .instructor)
        } else {
            checks[target].counterexample = CounterexampleText.render(example, style: TextStyle(color: false))
        }
    }

    private func grade(_ bytes: [UInt8], exercise: Exercise, on dataset: GradingDataset) -> DatasetCheck {
        func skipped(_ skip: DatasetCheck.Skip) -> DatasetCheck {
            DatasetCheck(dataset: dataset.label, hidden: dataset.hidden, status: .skipped, reason: nil, diagnoses: [], finding: .skipped(skip))
        }
        let spec = dataset.spec
        guard let sandbox = sandbox(for: spec) else { return skipped(.datasetUnavailable) }
        guard let reference = reference(exercise, spec: spec, sandbox: sandbox) else { return skipped(.referenceEmpty) }
        let checker = Checker(sandbox: sandbox, dataset: spec)
        // Only a file the sandbox admits (encoding, size, NUL bytes) and a statement SQLite prepares and
        // the sandbox allows may reuse a result: the key is SQLite's compiled program (ProgramKey), taken
        // after those checks, so nothing can smuggle a refused statement past them.
        let ran: Result<QueryResult, QueryFailure>
        switch sandbox.admitQuery(bytes: bytes) {
        case .failure(let failure):
            ran = .failure(failure)
        case .success(let query):
            let run = sandbox.run(query) { key in runs.result(of: key, on: spec) }
            ran = run.outcome
            if !run.reused {
                statementsRun += 1
                if let key = run.key { runs.keep(ran, of: key, on: spec) }
            }
        }
        guard let verdict = try? checker.check(bytes, against: exercise, reference: reference, outcome: ran) else {
            return skipped(.referenceFailed)
        }
        // Hidden data stays hidden: no rows or values leave the worker for a hidden dataset.
        let text = dataset.hidden ? nil : VerdictText.render(verdict, exercise: exercise, style: TextStyle(color: false), timing: false)
        var hash: String?
        if case .success(let result) = ran { hash = Self.digest(result) }
        return DatasetCheck(
            dataset: dataset.label, hidden: dataset.hidden, status: DatasetOutcome.Status(verdict.status), reason: verdict.reason,
            diagnoses: verdict.diagnosisCodes, finding: .checked(verdict: text), resultHash: hash)
    }

    /// A digest of a result: its column count and its rows as a multiset (row order does not change
    /// it), so that two answers with the same wrong result can be grouped. No value leaves the worker.
    static func digest(_ result: QueryResult) -> String {
        let rows = result.rows.map { row -> UInt64 in
            var hash = FNV1a64()
            for value in row { hash.add(value) }
            return hash.value
        }.sorted()
        var hash = FNV1a64()
        hash.add("sqlprep-result")
        hash.add(UInt64(result.columns.count))
        for row in rows { hash.add(row) }
        return hash.hex
    }

    private func sandbox(for spec: DatasetSpec) -> Sandbox? {
        if let sandbox = sandboxes[spec] { return sandbox }
        guard let image = try? ShopDataset.image(for: spec, cache: cache) else { return nil }
        let sandbox = Sandbox(image: image, limits: limits) { [weak self] failure in self?.hardStop(failure) }
        sandboxes[spec] = sandbox
        return sandbox
    }

    private func reference(_ exercise: Exercise, spec: DatasetSpec, sandbox: Sandbox) -> QueryResult? {
        let key = "\(exercise.id)|\(spec)"
        if let cached = references[key] { return cached }
        var result: QueryResult?
        if case .success(let value) = Sandbox(image: sandbox.image, limits: SandboxLimits()).run(sql: exercise.solution), !value.rows.isEmpty {
            result = value
        }
        references[key] = result
        return result
    }

    /// The watchdog's last resort: answer the job in flight with `timeout` on the datasets not yet
    /// done, and end this process. The parent starts another worker.
    private func hardStop(_ failure: QueryFailure) {
        lock.lock()
        if let (job, datasets, done) = inFlight {
            let rest = datasets.dropFirst(done.count).map { dataset in
                // Stopped on the practice data: the hidden datasets are not run (Scoring).
                dataset.hidden && done.isEmpty
                    ? DatasetCheck.notRun(on: dataset) : DatasetCheck.stopped(.watchdog(message: failure.message), reason: .timeout, on: dataset)
            }
            answer(GradingJobResult(id: job.id, outcomes: done + rest))
        }
        _exit(0)
    }
}

/// Results of statements a worker has run, by dataset and compiled program (``ProgramKey``). Only
/// outcomes that do not depend on where the statement sits in its file are kept: results and timeouts
/// (an SQL error carries a line and column, and is not reused). A result is a function of the program
/// and the dataset alone (its column names are each statement's own), so reusing it changes no grade;
/// it also makes equivalent answers get identical verdicts, even near the work limit.
struct RunCache {
    private struct Key: Hashable {
        let spec: DatasetSpec
        let program: ProgramKey
    }

    private var entries: [Key: Result<QueryResult, QueryFailure>] = [:]
    private var values = 0
    /// Cells kept in all (a few hundred MB at worst with this dataset's short texts), so a class of huge
    /// results cannot exhaust memory; past it, statements simply run again.
    private let valueBudget = 4_000_000

    func result(of program: ProgramKey, on spec: DatasetSpec) -> Result<QueryResult, QueryFailure>? {
        entries[Key(spec: spec, program: program)]
    }

    mutating func keep(_ outcome: Result<QueryResult, QueryFailure>, of program: ProgramKey, on spec: DatasetSpec) {
        let key = Key(spec: spec, program: program)
        guard entries[key] == nil else { return }
        switch outcome {
        case .success(let result):
            let cells = result.rows.count * max(1, result.columns.count)
            guard values + cells <= valueBudget else { return }
            values += cells
        case .failure(let failure):
            guard failure.reason == .timeout else { return }
        }
        entries[key] = outcome
    }
}
