// sqlprep-bench: measures sqlprep side by side with plain baselines, in one run.
//
//   swift build -c release && .build/release/sqlprep-bench [--scales tiny,default,5] [--rounds 3]
//
// 1. Generation + load per scale, interleaved with a plain C loop (one prepared INSERT per table,
//    sqlite3_bind_* with SQLITE_STATIC, one transaction) inserting the very same rows, pre-rendered.
// 2. A cold `sqlprep run -e 'select count(*) from orders'` process at default scale (image cached on disk).
// 3. Every built-in exercise's reference query at default scale, in the sandbox.
// Medians of interleaved rounds; the machine is noisy, so compare ratios, not absolute times.

import CBenchLoop
import Foundation
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
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--scales": scaleNames = (arguments.next() ?? "").split(separator: ",").map(String.init)
    case "--rounds": rounds = Int(arguments.next() ?? "") ?? rounds
    case "--load-only": loadOnly = true
    default:
        print("usage: sqlprep-bench [--scales tiny,default,5] [--rounds 3] [--load-only]")
        exit(64)
    }
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
for name in scaleNames {
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
if FileManager.default.isExecutableFile(atPath: binary.path) {
    let cache = NSTemporaryDirectory() + "sqlprep-bench-cache-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: cache) }
    func runOnce() -> Double {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", "-e", "select count(*) from orders"]
        process.environment = ["SQLPREP_CACHE_DIR": cache, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return (try? seconds { try process.run(); process.waitUntilExit() }) ?? .nan
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
} else {
    print("\n(no sqlprep binary next to the benchmark; build it with swift build -c release)")
}

// MARK: - 3. Exercise queries

let course = try Course.builtIn()
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
print("")
print("peak RSS of this benchmark process: \(fmt(peakRSSMegabytes(), 0)) MB")
