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
import SQLPrepGrading
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
var variantStudy = false
var gradingClasses = ["shared", "typical", "distinct"]
var runawayShare = 5
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
    case "--classes": gradingClasses = (arguments.next() ?? "").split(separator: ",").map(String.init)
    case "--runaways": runawayShare = Int(arguments.next() ?? "") ?? runawayShare
    case "--variant-study": variantStudy = true
    default:
        print("usage: sqlprep-bench [--scales tiny,default,5] [--rounds 3] [--load-only | --grading-only [--learners 200] [--classes shared,typical,distinct] [--runaways 5] | --counterexamples-only | --seed-sweep N | --variant-study]")
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
let loadScales = gradingOnly || counterexamplesOnly || variantStudy ? [] : scaleNames
if !loadScales.isEmpty {
    print("")
    print("## Generation and load")
    print("")
    print("| scale | rows | sqlprep generate+insert (s) | rows/s | C loop insert only (s) | ratio | indexes + ANALYZE (s) | SQLite heap peak (MB) | image (MB) |")
    print("|---|---|---|---|---|---|---|---|---|")
}
for name in loadScales {
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
if !gradingOnly && !counterexamplesOnly && !variantStudy, FileManager.default.isExecutableFile(atPath: binary.path) {
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
} else if !gradingOnly && !counterexamplesOnly && !variantStudy {
    print("\n(no sqlprep binary next to the benchmark; build it with swift build -c release)")
}

// MARK: - 3. Exercise queries

let course = try Course.builtIn()
if !gradingOnly && !counterexamplesOnly && !variantStudy {
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

if !gradingOnly && !variantStudy {
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

/// The equivalent rewrites kept with the catalog's tests, by exercise: `Tests/SQLPrepExercisesTests/Rewrites/<id>/*.sql`.
let checkoutRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
func rewrites(of exerciseID: String) -> [(String, String)] {
    let folder = checkoutRoot.appendingPathComponent("Tests/SQLPrepExercisesTests/Rewrites/\(exerciseID)").path
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".sql") }.sorted()
    return names.compactMap { name in (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)).map { (name, $0) } }
}

// MARK: - 5a. Hidden variants: how small can they be and still catch what full-size ones catch

/// A query that returns `result` whatever the data: the "hard-coded" answer a learner could copy
/// from the practice data. Nil when the result is too big to write out.
func hardCoded(_ result: QueryResult) -> String? {
    guard !result.rows.isEmpty, result.rows.count <= 500 else { return nil }
    func literal(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let v): return String(v)
        case .real(let v): return String(format: "%.17g", v).contains(where: { $0 == "." || $0 == "e" }) ? String(format: "%.17g", v) : String(format: "%.1f", v)
        case .text(let t): return "'" + t.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let b): return "x'" + b.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }
    let names = (1...result.columns.count).map { "c\($0)" }
    let rows = result.rows.map { "(" + $0.map(literal).joined(separator: ", ") + ")" }.joined(separator: ",\n")
    let select = zip(names, result.columns).map { "\($0) AS \"\($1.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ", ")
    return "WITH t(\(names.joined(separator: ", "))) AS (VALUES\n\(rows))\nSELECT \(select) FROM t"
}

if variantStudy {
    // Every exercise with known-wrong queries; candidates: its known-wrong queries, a hard-coded copy of
    // its practice result, and the equivalent rewrites. Each runs on the practice dataset and on the 3
    // hidden variants (secret "bench") at each fraction of the practice scale; an answer is caught by
    // the variants when it fails one that counts (the reference is not empty there).
    let fractions = [1000, 500, 250, 125, 63]
    let key = VariantKey(secret: "bench")
    struct Candidate { let exercise: Exercise; let kind: String; let name: String; let sql: String }
    var candidates: [Candidate] = []
    var practiceImages: [DatasetSpec: Sandbox] = [:]
    var practicePass: [Int: Bool] = [:]
    var tooBig = 0
    for exercise in course.exercises where !exercise.wrongQueries.isEmpty {
        let spec = exercise.dataset
        let sandbox = try practiceImages[spec] ?? Sandbox(image: ShopDataset.build(spec))
        practiceImages[spec] = sandbox
        for wrong in exercise.wrongQueries { candidates.append(Candidate(exercise: exercise, kind: "known-wrong", name: wrong.name, sql: wrong.sql)) }
        if case .success(let result) = sandbox.run(sql: exercise.solution), let sql = hardCoded(result) {
            candidates.append(Candidate(exercise: exercise, kind: "hard-coded", name: "hard-coded", sql: sql))
        } else {
            tooBig += 1
        }
        for (name, sql) in rewrites(of: exercise.id) { candidates.append(Candidate(exercise: exercise, kind: "rewrite", name: name, sql: sql)) }
    }
    for (index, candidate) in candidates.enumerated() {
        let spec = candidate.exercise.dataset
        let verdict = try Checker(sandbox: practiceImages[spec]!, dataset: spec).check(Array(candidate.sql.utf8), against: candidate.exercise)
        practicePass[index] = verdict.passed
    }
    practiceImages = [:]
    // caught[fraction][candidate] = fails a counted hidden variant; skipped[fraction] = variants with an empty reference.
    var caught: [Int: Set<Int>] = [:], skipped: [Int: Int] = [:], elapsedByFraction: [Int: Double] = [:]
    let practiceSpecs = Array(Set(candidates.map(\.exercise.dataset))).sorted { "\($0)" < "\($1)" }
    for fraction in fractions {
        var found = Set<Int>(), empty = 0
        let elapsed = try seconds {
            for practice in practiceSpecs {
                let variants = GradingDataset.plan(practice: practice, hiddenCount: 3, key: key, variantScale: VariantScale(permille: fraction)).filter(\.hidden)
                for variant in variants {
                    let sandbox = Sandbox(image: try ShopDataset.build(variant.spec))
                    for exercise in Set(candidates.filter { $0.exercise.dataset == practice }.map(\.exercise.id)).sorted() {
                        let ex = course.exercise(id: exercise)!
                        guard case .success(let reference) = sandbox.run(sql: ex.solution), !reference.rows.isEmpty else {
                            empty += 1
                            continue
                        }
                        let checker = Checker(sandbox: sandbox, dataset: variant.spec)
                        for (index, candidate) in candidates.enumerated() where candidate.exercise.id == exercise {
                            let bytes = Array(candidate.sql.utf8)
                            let verdict = try checker.check(bytes, against: ex, reference: reference, outcome: sandbox.run(bytes: bytes))
                            if !verdict.passed { found.insert(index) }
                        }
                    }
                }
            }
        }
        caught[fraction] = found
        skipped[fraction] = empty
        elapsedByFraction[fraction] = elapsed
    }
    let full = caught[1000]!
    print("## Hidden variants by size: what they catch (\(candidates.count) candidates over \(Set(candidates.map(\.exercise.id)).count) exercises; \(tooBig) results too big to hard-code)")
    print("")
    print("| variant scale | known-wrong caught (of which pass practice) | hard-coded caught | rewrites wrongly caught | caught at full size but not here | caught here but not at full size | variants skipped (empty reference) | build + run (s) |")
    print("|---|---|---|---|---|---|---|---|")
    for fraction in fractions {
        let found = caught[fraction]!
        func count(_ kind: String, practicePassing: Bool? = nil) -> String {
            let all = candidates.indices.filter { candidates[$0].kind == kind && (practicePassing == nil || practicePass[$0] == practicePassing) }
            return "\(all.filter(found.contains).count) of \(all.count)"
        }
        let missed = full.subtracting(found).sorted().map { "\(candidates[$0].exercise.id)/\(candidates[$0].name)" }
        let extra = found.subtracting(full).sorted().map { "\(candidates[$0].exercise.id)/\(candidates[$0].name)" }
        print("| \(String(format: "%g", Double(fraction) / 1000)) | \(count("known-wrong")) (\(count("known-wrong", practicePassing: true))) | \(count("hard-coded")) | \(count("rewrite")) | \(missed.count)\(missed.isEmpty ? "" : ": " + missed.joined(separator: ", ")) | \(extra.count)\(extra.isEmpty ? "" : ": " + extra.joined(separator: ", ")) | \(skipped[fraction]!) | \(fmt(elapsedByFraction[fraction]!, 1)) |")
    }
    let failingPractice = candidates.indices.filter { practicePass[$0] == false }
    print("")
    print("candidates failing the practice data (caught there, whatever the variants): \(failingPractice.count); rewrites failing practice: \(failingPractice.filter { candidates[$0].kind == "rewrite" }.count)")
    exit(0)
}

// MARK: - 5. Grading a class

/// Runs a process to completion; returns (seconds, its standard output).
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

/// A learner's own way of writing the same statement: keyword case, whitespace, comments and table
/// aliases change; literals, names and the computation do not (SQLite compiles it to the same program).
func reformat(_ sql: String, learner: Int) -> String {
    let keywords: Set<String> = ["select", "from", "where", "group", "by", "order", "join", "left", "inner", "on", "as", "and", "or", "with",
                                 "having", "limit", "case", "when", "then", "else", "end", "desc", "asc", "distinct", "not", "in", "is", "null",
                                 "between", "over", "partition", "union", "all", "exists", "like", "count", "sum", "avg", "min", "max", "round",
                                 "cast", "coalesce", "nullif", "filter", "using", "cross", "outer", "interval", "real", "integer"]
    let bytes = Array(sql.utf8)
    // Table aliases: a short name after a dataset table's name (with or without AS), used as `alias.`.
    let tables = Set(ShopSchema.tables.map(\.name))
    var words: [(String, Range<Int>)] = []
    var isCode = [Bool](repeating: false, count: bytes.count)
    for span in SQLScanner(bytes) where span.kind == .code {
        for index in span.range { isCode[index] = true }
        var index = span.range.lowerBound
        while index < span.range.upperBound {
            let byte = bytes[index]
            let isWord = { (b: UInt8) in b == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
            if isWord(byte) {
                var end = index
                while end < span.range.upperBound && isWord(bytes[end]) { end += 1 }
                words.append((String(decoding: bytes[index..<end], as: UTF8.self), index..<end))
                index = end
            } else {
                index += 1
            }
        }
    }
    var aliases: [String: String] = [:]
    for (position, (word, _)) in words.enumerated()
    where tables.contains(word.lowercased()) && position > 0 && ["from", "join"].contains(words[position - 1].0.lowercased()) && position + 1 < words.count {
        var next = position + 1
        if words[next].0.lowercased() == "as", next + 1 < words.count { next += 1 }
        let alias = words[next].0
        if alias.count <= 3, !keywords.contains(alias.lowercased()), !tables.contains(alias.lowercased()), alias.first?.isLetter == true {
            aliases[alias] = "\(alias)_\(["t", "x", "q", "a", "r", "k", "z"][learner % 7])"
        }
    }
    var out = "-- \(["my answer", "attempt", "final", "v2", "submission"][learner % 5]) by learner \(learner)\n"
    var previous = 0
    let upper = learner % 2 == 0
    var insertedComment = false
    for (word, range) in words {
        // Whitespace: spaces in code (never inside a literal) doubled for some learners.
        var gap: [UInt8] = []
        for index in previous..<range.lowerBound {
            gap.append(bytes[index])
            if learner % 3 == 0 && isCode[index] && bytes[index] == UInt8(ascii: " ") { gap.append(UInt8(ascii: " ")) }
        }
        out += String(decoding: gap, as: UTF8.self)
        var replaced = word
        if let alias = aliases[word] {
            // Only the definition (after its table) and qualified uses (`alias.`) are renamed.
            let isQualifiedUse = range.upperBound < bytes.count && bytes[range.upperBound] == UInt8(ascii: ".")
            let position = words.firstIndex { $0.1 == range }!
            func followsTable(_ index: Int) -> Bool {
                index > 0 && tables.contains(words[index].0.lowercased()) && ["from", "join"].contains(words[index - 1].0.lowercased())
            }
            let isDefinition = position > 0 && (followsTable(position - 1)
                || (words[position - 1].0.lowercased() == "as" && position > 1 && followsTable(position - 2)))
            if isQualifiedUse || isDefinition { replaced = alias }
        } else if keywords.contains(word.lowercased()) {
            replaced = upper ? word.uppercased() : word.lowercased()
        }
        out += replaced
        if !insertedComment && word.lowercased() == "select" {
            out += " /* learner \(learner) */"
            insertedComment = true
        }
        previous = range.upperBound
    }
    out += String(decoding: bytes[previous...], as: UTF8.self)
    return out
}

if FileManager.default.isExecutableFile(atPath: binary.path) {
    // Synthetic classes, chosen by a fixed rule (so every run grades the same classes). Every file is the
    // reference, a known-wrong query, or an equivalent rewrite from the catalog's tests:
    // - shared: as handed in (many files share a statement, as in a class that starts from one starter file);
    // - typical: the same answers, each reformatted by the learner's own hand (keyword case, whitespace,
    //   comments, table aliases) so that no two files share text, but equivalent ones compile alike;
    // - distinct: the same answers, each wrapped with a literal naming the learner, so that no two files
    //   compile to the same program and nothing can be reused: the worst case for sqlprep.
    let root = NSTemporaryDirectory() + "sqlprep-bench-class-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let chosen = Array(course.exercises.filter { $0.dataset.scale == .default && $0.id != "longest-activity-streak" }.prefix(20))
    try FileManager.default.createDirectory(atPath: root + "/references", withIntermediateDirectories: true)
    for exercise in chosen {
        try exercise.solution.write(toFile: "\(root)/references/\(exercise.id).sql", atomically: true, encoding: .utf8)
    }
    let runaway = "SELECT count(*) FROM sessions a, sessions b WHERE a.user_id + b.user_id = -1"
    var rng = SplitMix64(seed: 42)
    var runawayFiles = 0
    for learner in 0..<gradingLearners {
        for exercise in chosen {
            let pick = rng.below(3)
            let rewriteList = rewrites(of: exercise.id)
            let sql = pick == 0 || exercise.wrongQueries.isEmpty
                ? exercise.solution
                : pick == 1 ? exercise.wrongQueries[rng.below(exercise.wrongQueries.count)].sql
                : rewriteList.isEmpty ? "-- learner \(learner)\n" + exercise.solution : rewriteList[rng.below(rewriteList.count)].1
            let statement = String(decoding: SQLText.statement(in: Array(sql.utf8)), as: UTF8.self)
            let distinct = "SELECT * FROM (\n\(statement)\n) WHERE \(learner) >= 0"
            let typical = reformat(sql, learner: learner)
            let isRunaway = rng.below(100) < runawayShare
            if isRunaway { runawayFiles += 1 }
            for (folder, text) in [("shared", sql), ("typical", typical), ("distinct", distinct), ("runaways", isRunaway ? runaway : typical)] {
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
    for scale in ["0.25", "1"] {
        _ = try timed(binary.path, ["grade", root + "/shared", "--out", root + "/warm", "--assignment", root + "/assignment.txt",
                                    "--secret", "bench", "--shard", "1/\(gradingLearners)", "--variant-scale", scale], environment: environment)
    }
    let practice = try ShopDataset.build(DatasetSpec(scale: .default))
    practice.write(atomicallyTo: root + "/practice.db")
    let script = checkoutRoot.appendingPathComponent("Benchmarks/baseline/baseline_grader.py").path
    let submissions = gradingLearners * chosen.count
    print("")
    print("## Grading a class: \(gradingLearners) learners × \(chosen.count) exercises, default scale, \(rounds) interleaved rounds (medians)")
    print("")
    print("| class | grader | datasets per submission | wall (s) | submissions/s | vs baseline |")
    print("|---|---|---|---|---|---|")
    var gradebooks: [String: String] = [:]
    for folder in gradingClasses {
        var python: [Double] = [], sqlprep: [Double] = [], pythonOut = ""
        for round in 0..<max(1, rounds) {
            let (pythonTime, out) = try timed("/usr/bin/env", ["python3", script, "\(root)/\(folder)", root + "/references", root + "/practice.db"])
            python.append(pythonTime)
            pythonOut = out.trimmingCharacters(in: .whitespacesAndNewlines)
            let (time, _) = try timed(binary.path, ["grade", "\(root)/\(folder)", "--out", "\(root)/out-\(folder)-\(round)", "--assignment", root + "/assignment.txt",
                                                    "--secret", "bench", "--jobs", "2", "--no-reuse"], environment: environment)
            sqlprep.append(time)
        }
        let p = median(python), q = median(sqlprep)
        print("| \(folder) | Python sqlite3 baseline (\(pythonOut)) | 1 | \(fmt(p, 1)) | \(fmt(Double(submissions) / p, 1)) | 1.00× |")
        print("| \(folder) | sqlprep grade --jobs 2 | practice; 3 hidden at 0.25 scale if practice passed | \(fmt(q, 1)) | \(fmt(Double(submissions) / q, 1)) | **\(fmt(q / p, 2))×** (rounds: \(zip(sqlprep, python).map { fmt($0 / $1, 2) }.joined(separator: ", "))) |")
        gradebooks[folder] = try String(contentsOfFile: "\(root)/out-\(folder)-0/gradebook.csv", encoding: .utf8)
    }
    let (runawayTime, _) = try timed(binary.path, ["grade", "\(root)/runaways", "--out", "\(root)/out-runaways", "--assignment", root + "/assignment.txt",
                                                   "--secret", "bench", "--jobs", "2", "--no-reuse"], environment: environment)
    print("")
    print("class with \(runawayFiles) runaway files (\(fmt(Double(runawayFiles) * 100 / Double(submissions), 1)) %, the rest as typical): sqlprep grade --jobs 2: \(fmt(runawayTime, 1)) s, \(fmt(Double(submissions) / runawayTime, 1)) submissions/s")
    // Same answers in every class: the gradebooks must agree; and they must agree with full-size variants and no reuse.
    let classes = gradebooks.keys.sorted()
    print("gradebooks of \(classes.joined(separator: ", ")): \(Set(gradebooks.values).count == 1 ? "identical" : "DIFFER")")
    if let typical = gradebooks["typical"] {
        _ = try timed(binary.path, ["grade", "\(root)/typical", "--out", "\(root)/out-typical-full", "--assignment", root + "/assignment.txt",
                                    "--secret", "bench", "--jobs", "2", "--no-reuse", "--variant-scale", "1"], environment: environment)
        let full = try String(contentsOfFile: "\(root)/out-typical-full/gradebook.csv", encoding: .utf8)
        print("typical class, --variant-scale 0.25 against --variant-scale 1: gradebooks \(full == typical ? "identical" : "DIFFER")")
    }
    print("peak RSS of the grading processes (largest child): \(fmt(childrenPeakRSS(), 0)) MB")
    if let keep = ProcessInfo.processInfo.environment["SQLPREP_BENCH_KEEP"] {
        try? FileManager.default.removeItem(atPath: keep)
        try FileManager.default.copyItem(atPath: root, toPath: keep)
        print("class folders and outputs copied to \(keep)")
    }
}
print("")

print("")
print("peak RSS of this benchmark process: \(fmt(peakRSSMegabytes(), 0)) MB")
