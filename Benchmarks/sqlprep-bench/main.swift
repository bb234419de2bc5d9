// sqlprep-bench: measures sqlprep side by side with plain baselines, in one run.
//
//   swift build -c release && .build/release/sqlprep-bench [--scales tiny,default,5] [--rounds 3]
//
// 1. Generation + load per scale, interleaved with a plain C loop (one prepared INSERT per table,
//    sqlite3_bind_* with SQLITE_STATIC, one transaction) inserting the very same rows, pre-rendered.
// 2. A cold `sqlprep run -e 'select count(*) from orders'` process at default scale (image cached on disk).
// 3. Every built-in exercise's reference query at default scale, in the sandbox.
// --seed-sweep N: instead, the planted effects (PlantedFacts) on seeds 1…N at default scale.
// Medians of interleaved rounds; the machine is noisy, so compare ratios, not absolute times.

import CBenchLoop
import Foundation
import SQLPrepProcess
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLiteKit

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
    return kb / 1024
}

func fmt(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

// MARK: - Arguments

var scaleNames = ["tiny", "default", "5"]
var rounds = 3
var loadOnly = false
var gradingLearners = 200
var gradingOnly = false
var counterexamplesOnly = false
var seedSweep = 0
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--scales": scaleNames = (arguments.next() ?? "").split(separator: ",").map(String.init)
    case "--rounds": rounds = Int(arguments.next() ?? "") ?? rounds
    case "--load-only": loadOnly = true
    case "--grading-only": gradingOnly = true
    case "--counterexamples-only": counterexamplesOnly = true
    case "--learners": gradingLearners = Int(arguments.next() ?? "") ?? gradingLearners
    case "--seed-sweep": seedSweep = Int(arguments.next() ?? "") ?? 0
    default:
        print("usage: sqlprep-bench [--scales tiny,default,5] [--rounds 3] [--load-only | --grading-only | --counterexamples-only | --seed-sweep N] [--learners 200]")
        exit(64)
    }
}

// MARK: - Planted effects across seeds

if seedSweep > 0 {
    print("Planted effects on seeds 1…\(seedSweep) at default scale")
    print("| seed | exp 1 z | exp 1 lift desktop / mobile / tablet (%) | exp 2 z | exp 3 χ² | display CPO ÷ search CPO | every-seed facts |")
    print("|---|---|---|---|---|---|---|")
    var all: [PlantedFacts] = []
    var ratios: [Double] = []
    for seed in 1...UInt64(seedSweep) {
        let db = try Connection.inMemory()
        try db.attachReadOnly(ShopDataset.build(DatasetSpec(seed: seed, scale: .default)))
        var facts = try PlantedFacts.measure(db)
        facts.seed = seed
        let ratio = try db.prepare(PlantedFacts.displayCPOQuery).scalar()?.numericValue ?? .nan
        all.append(facts)
        ratios.append(ratio)
        let lifts = ["desktop", "mobile", "tablet"].map { fmt(100 * (facts.liftByDevice[$0] ?? .nan), 1) }.joined(separator: " / ")
        let held = PlantedFacts.everySeed.filter { facts.holds[$0.0] == true }.count
        print("| \(seed) | \(fmt(facts.z1)) | \(lifts) | \(fmt(facts.z2)) | \(fmt(facts.chiSquare3, 1)) | \(fmt(ratio)) | \(held)/\(PlantedFacts.everySeed.count) |")
    }
    func share(_ holds: (PlantedFacts) -> Bool) -> String { "\(all.filter(holds).count)/\(all.count)" }
    print("")
    print("exp 1 p < 0.01 (z > 2.576): \(share { $0.z1 > 2.576 }); device story: \(share(\.deviceStory))")
    print("exp 2 not significant (|z| < 1.96): \(share { abs($0.z2) < 1.96 }); exp 3 χ² > 10.83: \(share { $0.chiSquare3 > 10.83 })")
    print("display CPO > 2 × search CPO: \(ratios.filter { $0 > 2 }.count)/\(ratios.count)")
    for (name, _) in PlantedFacts.everySeed { print("\(name): \(share { $0.holds[name] == true })") }
    exit(0)
}

// MARK: - Rows pre-rendered for the C loop

/// Collects every generated row as C cells (text bytes in one arena), exactly as the loader binds them.
struct CellCollector: ShopRowSink {
    var arena: [UInt8] = []
    /// Per table (load order): cells as (kind, integer or arena offset, length).
    var tables: [String: [(Int32, Int64, Int32)]] = [:]
    var rowCounts: [String: Int64] = [:]

    mutating func text(_ table: String, _ s: String) {
        let offset = Int64(arena.count)
        arena.append(contentsOf: s.utf8)
        tables[table, default: []].append((2, offset, Int32(s.utf8.count)))
    }
    mutating func int(_ table: String, _ v: Int64) { tables[table, default: []].append((1, v, 0)) }
    mutating func null(_ table: String) { tables[table, default: []].append((0, 0, 0)) }
    mutating func word(_ table: String, _ words: [String], _ index: Int) { index < 0 ? null(table) : text(table, words[index]) }
    mutating func time(_ table: String, _ seconds: Int64) { seconds < 0 ? null(table) : text(table, CivilTime.timestampString(seconds: seconds)) }
    mutating func row(_ table: String) { rowCounts[table, default: 0] += 1 }

    typealias V = ShopVocabulary
    mutating func product(_ r: ProductRow) { int("products", r.id); text("products", r.name); text("products", V.categories[r.category]); int("products", r.price); int("products", r.cost); row("products") }
    mutating func experiment(_ r: ExperimentRow) {
        let t = "experiments"
        int(t, r.id); text(t, r.name); text(t, r.hypothesis); time(t, Int64(r.startDay) * 86_400); time(t, Int64(r.endDay) * 86_400 + 86_399); text(t, r.plannedSplit); row(t)
    }
    mutating func user(_ r: UserRow) {
        let t = "users"
        int(t, r.id); time(t, r.signupAt); word(t, V.countries, r.country); word(t, V.sessionChannels, r.channel); word(t, V.devices, r.device); row(t)
    }
    mutating func session(_ r: SessionRow) {
        let t = "sessions"
        int(t, r.id); r.userID == 0 ? null(t) : int(t, r.userID); time(t, r.startedAt); time(t, r.endedAt)
        word(t, V.devices, r.device); word(t, V.sessionChannels, r.channel); word(t, V.campaigns, r.campaign); word(t, V.landingPages, r.landingPage)
        int(t, Int64(r.pageViews)); row(t)
    }
    mutating func event(_ r: EventRow) {
        let t = "events"
        int(t, r.id); int(t, r.sessionID); r.userID == 0 ? null(t) : int(t, r.userID); word(t, V.eventTypes, r.type)
        r.productID == 0 ? null(t) : int(t, r.productID); time(t, r.occurredAt); row(t)
    }
    mutating func order(_ r: OrderRow) {
        let t = "orders"
        int(t, r.id); int(t, r.userID); int(t, r.sessionID); time(t, r.orderedAt); word(t, V.orderStatuses, r.status)
        int(t, r.subtotal); int(t, r.discount); int(t, r.shipping); int(t, r.total); word(t, V.coupons, r.coupon); row(t)
    }
    mutating func orderItem(_ r: OrderItemRow) { let t = "order_items"; int(t, r.orderID); int(t, r.productID); int(t, r.quantity); int(t, r.unitPrice); row(t) }
    mutating func assignment(_ r: AssignmentRow) {
        let t = "experiment_assignments"
        int(t, r.experimentID); int(t, r.userID); word(t, V.variants, r.variant); time(t, r.assignedAt); row(t)
    }
    mutating func membership(_ r: MembershipRow) {
        let t = "memberships"
        int(t, r.id); int(t, r.userID); word(t, V.plans, r.plan); int(t, r.price); time(t, r.startedAt); time(t, r.cancelledAt); row(t)
    }
    mutating func spend(_ r: SpendRow) {
        let t = "marketing_spend"
        text(t, CivilTime.dateString(days: r.day)); text(t, V.campaignChannel[r.campaign]); word(t, V.campaigns, r.campaign)
        int(t, r.impressions); int(t, r.clicks); int(t, r.spend); row(t)
    }
}

/// Runs the C loop over the collected rows; returns its seconds.
func runCLoop(_ collected: CellCollector) -> Double {
    let tables = ShopSchema.tables
    let ddl = tables.map(\.createStatement).joined(separator: ";\n")
    return collected.arena.withUnsafeBufferPointer { arena -> Double in
        let base = UnsafeRawPointer(arena.baseAddress!).assumingMemoryBound(to: CChar.self)
        var cells: [bench_cell] = []
        cells.reserveCapacity(collected.tables.values.map(\.count).reduce(0, +))
        for table in tables {
            for (kind, value, length) in collected.tables[table.name] ?? [] {
                cells.append(bench_cell(kind: kind, length: length, integer: kind == 1 ? value : 0, text: kind == 2 ? base + Int(value) : nil))
            }
        }
        let inserts = tables.map { "INSERT INTO \($0.name) VALUES (\(Array(repeating: "?", count: $0.columns.count).joined(separator: ", ")))" }
        let cStrings = inserts.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let pointers = cStrings.map { UnsafePointer($0) }
        let columnCounts = tables.map { Int32($0.columns.count) }
        let rowCounts = tables.map { collected.rowCounts[$0.name] ?? 0 }
        return pointers.withUnsafeBufferPointer { sql in
            bench_c_insert(ddl, Int32(tables.count), sql.baseAddress, columnCounts, rowCounts, cells)
        }
    }
}

// MARK: - 1. Generation + load

print("sqlprep-bench — SQLite \(SQLiteLibrary.version), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(rounds) interleaved rounds")
print("")
print("## Generation and load")
print("")
print("| scale | rows | sqlprep generate+insert (s) | rows/s | C loop insert only (s) | ratio | indexes + ANALYZE (s) | SQLite heap peak (MB) | image (MB) |")
print("|---|---|---|---|---|---|---|---|---|")
for name in gradingOnly || counterexamplesOnly ? [] : scaleNames {
    guard let scale = Scale(parsing: name) else { print("bad scale \(name)"); exit(64) }
    let spec = DatasetSpec(scale: scale)
    var collected = CellCollector()
    try ShopGenerator(spec: spec).generate(into: &collected)
    let rows = collected.rowCounts.values.reduce(0, +)
    var ours: [Double] = [], baseline: [Double] = [], finish: [Double] = []
    var heap = 0.0, imageSize = 0
    for _ in 0..<rounds {
        SQLiteLibrary.resetMemoryHighWater()
        var db: Connection?
        ours.append(try seconds { db = try ShopDataset.loadRows(spec) })
        finish.append(try seconds { try ShopDataset.finish(db!) })
        heap = Double(SQLiteLibrary.memoryHighWater) / 1e6
        imageSize = try db!.serialize().count
        db = nil
        baseline.append(runCLoop(collected))
    }
    let o = median(ours), b = median(baseline)
    print("| \(name) | \(rows) | \(fmt(o, 3)) | \(Int(Double(rows) / o)) | \(fmt(b, 3)) | \(fmt(o / b)) | \(fmt(median(finish), 3)) | \(fmt(heap, 1)) | \(fmt(Double(imageSize) / 1e6, 1)) |")
}

// MARK: - 2. Cold process, first query

if loadOnly { exit(0) }

let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sqlprep")
if !gradingOnly && !counterexamplesOnly, FileManager.default.isExecutableFile(atPath: binary.path) {
    let cache = NSTemporaryDirectory() + "sqlprep-bench-cache-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: cache) }
    func runOnce() -> Double {
        (try? seconds {
            let process = try ChildProcess(
                executable: binary.path, arguments: ["run", "-e", "select count(*) from orders"],
                environment: ["SQLPREP_CACHE_DIR": cache, "PATH": "/usr/bin:/bin"], stdout: .null, stderr: .null)
            process.wait()
        }) ?? .nan
    }
    let coldCache = runOnce()  // builds and caches the default image
    var warm: [Double] = []
    for _ in 0..<max(10, rounds * 4) { warm.append(runOnce()) }
    print("")
    print("## First query in a new process (`sqlprep run -e 'select count(*) from orders'`, default scale)")
    print("")
    print("| case | wall (ms) |")
    print("|---|---|")
    print("| no cached image (generates, loads, caches) | \(fmt(coldCache * 1000, 0)) |")
    print("| cached image, median of \(warm.count) | \(fmt(median(warm) * 1000, 0)) |")
    print("| cached image, slowest | \(fmt(warm.max()! * 1000, 0)) |")
} else if !gradingOnly && !counterexamplesOnly {
    print("\n(no sqlprep binary next to the benchmark; build it with swift build -c release)")
}

// MARK: - 3. Exercise queries

let course = try Course.builtIn()
if !gradingOnly && !counterexamplesOnly {
let sandbox = Sandbox(image: try ShopDataset.build(DatasetSpec(scale: .default)))
var times: [(String, Double)] = []
for exercise in course.exercises where exercise.dataset.scale == .default {
    var runs: [Double] = []
    for _ in 0..<max(3, rounds) {
        runs.append(seconds { _ = sandbox.run(sql: exercise.solution) })
    }
    times.append((exercise.id, median(runs) * 1000))
}
let all = times.map(\.1)
print("")
print("## Reference queries of the \(times.count) built-in exercises, default scale, in the sandbox (ms)")
print("")
print("| median | 90th percentile | max | slowest exercise |")
print("|---|---|---|---|")
let slowest = times.max { $0.1 < $1.1 }!
print("| \(fmt(median(all), 1)) | \(fmt(percentile(all, 0.9), 1)) | \(fmt(all.max()!, 1)) | \(slowest.0) |")
}

// MARK: - 4. Counterexamples: how true and how fast the feedback is

if !gradingOnly {
    var indexes: [DatasetSpec: (DatabaseImage, CounterexampleSearch.Index, Double)] = [:]
    var sizes: [Double] = [], times: [Double] = [], runs: [Double] = [], exhausted = 0, failing = 0
    var sameWay = 0, tablesMatch = 0, shown = 0
    var missing: [String] = [], large: [String] = [], untrue: [String] = [], safety: [String] = []
    for exercise in course.exercises {
        let spec = exercise.dataset
        if indexes[spec] == nil {
            let image = try ShopDataset.build(spec)
            var index: CounterexampleSearch.Index?
            let time = try seconds { index = try CounterexampleSearch.Index(image: image) }
            indexes[spec] = (image, index!, time)
        }
        let (image, index, _) = indexes[spec]!
        let full = Sandbox(image: image)
        for wrong in exercise.wrongQueries {
            let name = "\(exercise.id)/\(wrong.name)"
            guard case .success(let reference) = full.run(sql: exercise.solution), case .success(let learner) = full.run(sql: wrong.sql) else { continue }
            let comparison = ResultComparison(contract: exercise.contract)
            guard Difference(comparison.compare(expected: reference, actual: learner)) != nil else { continue }
            failing += 1
            let outcome = try CounterexampleSearch(exercise: exercise, learnerSQL: wrong.sql, image: image).run(index: index)
            switch outcome {
            case .found(let example):
                sizes.append(Double(example.rowCount))
                times.append(example.milliseconds)
                runs.append(Double(example.runs))
                if example.budgetExhausted { exhausted += 1 }
                guard example.rowCount <= CounterexampleText.largestShown else { large.append("\(name) (\(example.rowCount))"); continue }
                shown += 1
                // Checked independently of the search: on a database of the shown rows alone, the two
                // queries differ in the same way as on the full data, and the tables shown are the ones read.
                var wide = comparison
                wide.sampleSize = .max
                let target = Difference(wide.compare(expected: reference, actual: learner))!
                let small = Sandbox(image: try example.database())
                if case .success(let r) = small.run(sql: exercise.solution), case .success(let l) = small.run(sql: wrong.sql),
                   let difference = Difference(wide.compare(expected: r, actual: l)), target.isShown(by: difference) {
                    sameWay += 1
                } else {
                    untrue.append(name)
                }
                let read = (full.tablesRead(sql: exercise.solution) ?? []).union(full.tablesRead(sql: wrong.sql) ?? [])
                if Set(example.tables.map(\.name)) == read { tablesMatch += 1 }
            case .notFound: missing.append(name)
            case .stoppedBySafetyNet: safety.append(name)
            case .notApplicable: break
            }
        }
    }
    let indexTimes = indexes.values.map { $0.2 * 1000 }
    print("")
    print("## Counterexamples for the catalog's \(failing) known-wrong queries that fail (default budget: \(CounterexampleSearch.Budget().candidates) candidates)")
    print("")
    print("| found | shown (≤ \(CounterexampleText.largestShown) rows) | shown differ as on full data | shown = tables read | rows: median | p90 | max | candidates: median | p90 | time (ms): median | p90 | max | budget used up | safety net | index build (ms, per dataset) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print("| \(sizes.count) of \(failing) | \(shown) | \(sameWay) of \(shown) | \(tablesMatch) of \(shown) | \(fmt(median(sizes), 0)) | \(fmt(percentile(sizes, 0.9), 0)) | \(fmt(sizes.max() ?? 0, 0)) | \(fmt(median(runs), 0)) | \(fmt(percentile(runs, 0.9), 0)) | \(fmt(median(times), 0)) | \(fmt(percentile(times, 0.9), 0)) | \(fmt(times.max() ?? 0, 0)) | \(exhausted) | \(safety.count) | \(fmt(median(indexTimes), 0)) |")
    if !missing.isEmpty { print("\nno example within the budget: \(missing.joined(separator: ", "))") }
    if !large.isEmpty { print("\nstill large when the budget ended (not shown to learners): \(large.joined(separator: ", "))") }
    if !untrue.isEmpty { print("\nshown but NOT differing as on the full data: \(untrue.joined(separator: ", "))") }
    if !safety.isEmpty { print("\nstopped by the safety net: \(safety.joined(separator: ", "))") }
}
if counterexamplesOnly { exit(0) }

// MARK: - 5. Grading a class

/// Runs a process to completion; returns (seconds, its peak RSS in MB via /proc of the children's rusage).
func timed(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (Double, String) {
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    var text = ""
    let elapsed = try seconds {
        text = try ChildProcess.run(executable, arguments, environment: env).standardOutputText
    }
    return (elapsed, text)
}

func childrenPeakRSS() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

if FileManager.default.isExecutableFile(atPath: binary.path) {
    // Two synthetic classes, chosen by a fixed rule (so every run grades the same classes). In the
    // first, each file is the reference as handed out under the learner's own comment header, or a
    // known-wrong query: many files share a statement, as in a class that starts from one starter
    // file and makes the same mistakes. In the second, every statement is different (a comment
    // inside it names the learner), so nothing can be reused: the worst case for sqlprep.
    let root = NSTemporaryDirectory() + "sqlprep-bench-class-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let chosen = Array(course.exercises.filter { $0.dataset.scale == .default && $0.id != "longest-activity-streak" }.prefix(20))
    try FileManager.default.createDirectory(atPath: root + "/references", withIntermediateDirectories: true)
    for exercise in chosen {
        try exercise.solution.write(toFile: "\(root)/references/\(exercise.id).sql", atomically: true, encoding: .utf8)
    }
    var rng = SplitMix64(seed: 42)
    for learner in 0..<gradingLearners {
        for exercise in chosen {
            let pick = rng.below(3)
            let sql = pick == 0 || exercise.wrongQueries.isEmpty
                ? exercise.solution
                : pick == 1 ? exercise.wrongQueries[rng.below(exercise.wrongQueries.count)].sql
                : "-- learner \(learner)\n" + exercise.solution  // same statement, different file
            let distinct = sql.replacingOccurrences(of: "SELECT", with: "SELECT /* learner \(learner) */", options: .caseInsensitive,
                                                    range: sql.range(of: "SELECT", options: .caseInsensitive))
            for (folder, text) in [("shared", sql), ("distinct", distinct)] {
                let path = String(format: "%@/%@/learner%03d", root, folder, learner)
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                try text.write(toFile: "\(path)/\(exercise.id).sql", atomically: true, encoding: .utf8)
            }
        }
    }
    let assignment = chosen.map { "exercise: \($0.id) | 10" }.joined(separator: "\n")
    try assignment.write(toFile: root + "/assignment.txt", atomically: true, encoding: .utf8)
    let cache = root + "/cache"
    let environment = ["SQLPREP_CACHE_DIR": cache]
    // Build the images once (practice + 3 variants), outside the timings, as a real grader's first run would have.
    _ = try timed(binary.path, ["grade", root + "/shared", "--out", root + "/warm", "--assignment", root + "/assignment.txt",
                                "--secret", "bench", "--shard", "1/\(gradingLearners)"], environment: environment)
    let practice = try ShopDataset.build(DatasetSpec(scale: .default))
    practice.write(atomicallyTo: root + "/practice.db")
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("baseline/baseline_grader.py").path
    let submissions = gradingLearners * chosen.count
    print("")
    print("## Grading a class: \(gradingLearners) learners × \(chosen.count) exercises, default scale")
    print("")
    print("| class | grader | datasets per submission | isolation | wall (s) | submissions/s | vs baseline |")
    print("|---|---|---|---|---|---|---|")
    for folder in ["shared", "distinct"] {
        let (pythonTime, pythonOut) = try timed("/usr/bin/env", ["python3", script, "\(root)/\(folder)", root + "/references", root + "/practice.db"])
        print("| \(folder) | Python sqlite3 baseline (\(pythonOut.trimmingCharacters(in: .whitespacesAndNewlines))) | 1 | none | \(fmt(pythonTime, 1)) | \(fmt(Double(submissions) / pythonTime, 1)) | 1.00× |")
        // --no-reuse: each timing grades every file; the last row is a regrade of the same folder.
        for (label, flags) in [("--jobs 1", ["--jobs", "1", "--no-reuse"]), ("--jobs 2", ["--jobs", "2", "--no-reuse"]), ("--jobs 2, graded again", ["--jobs", "2"])] {
            let (time, _) = try timed(binary.path, ["grade", "\(root)/\(folder)", "--out", "\(root)/out-\(folder)-\(flags[1])", "--assignment", root + "/assignment.txt",
                                                    "--secret", "bench"] + flags, environment: environment)
            print("| \(folder) | sqlprep grade \(label) | 4 (practice + 3 hidden) | worker processes, limits | \(fmt(time, 1)) | \(fmt(Double(submissions) / time, 1)) | \(fmt(time / pythonTime, 2))× |")
        }
    }
    // The two classes hold the same answers, so their gradebooks must agree learner by learner.
    let shared = try String(contentsOfFile: root + "/out-shared-2/gradebook.csv", encoding: .utf8)
    let distinct = try String(contentsOfFile: root + "/out-distinct-2/gradebook.csv", encoding: .utf8)
    print("")
    print("gradebooks of the two classes \(shared == distinct ? "are identical" : "DIFFER")")
    print("peak RSS of the grading processes (largest child): \(fmt(childrenPeakRSS(), 0)) MB")
}
print("")

print("")
print("peak RSS of this benchmark process: \(fmt(peakRSSMegabytes(), 0)) MB")
