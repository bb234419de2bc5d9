import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepSandbox

/// Searches for a small sub-database of a dataset on which two queries disagree in the same way
/// as on the full data (after the idea of RATest).
///
/// 1. Run both queries on the full data: how they differ (``Difference``) and which tables they read.
///    Only those tables take part; a row's parents count only when their table is read too.
/// 2. Grow a deterministic sample of whole units (the families of ``DatasetRows``: a top-level row
///    with everything under it, among the tables read) until the queries disagree in that way.
/// 3. Delta-debug (subsets, then complements, at finer and finer granularity) over units, then
///    level by level inside them, keeping the candidate only while the disagreement keeps its kind.
///    Rows stay consistent: a row brings the parents it needs. The dataset knows its tables and
///    links (``DatasetRows``, ``SubsetBuilder``); the search only shrinks sets of rows.
///
/// The search is bounded by **work** — candidate databases tried, rows copied into them, SQLite
/// steps per query — never by time, so the same inputs give the same example on every machine,
/// loaded or idle. A generous wall-clock safety net only ends a search that would otherwise run
/// away on a very slow machine, and says so (``CounterexampleOutcome/stoppedBySafetyNet(seconds:)``).
public struct CounterexampleSearch {
    /// The work the search may do. The defaults finish well under a second in release builds on
    /// the built-in course (see BENCHMARKS.md).
    public struct Budget: Sendable, Hashable {
        /// Candidate databases built and queried.
        public var candidates = 300
        /// Rows copied into candidate databases, summed over all candidates.
        public var rowsCopied = 1_000_000
        /// SQLite steps each query may take on one candidate; past it the candidate counts as "no
        /// disagreement" (reproducibly, unlike a time limit).
        public var stepsPerQuery = 20_000_000
        /// Wall-clock safety net, never reached on a machine that runs the tests in time.
        public var safetyNet: Duration = .seconds(30)

        public init() {}

        public init(candidates: Int) {
            self.candidates = candidates
        }
    }

    public let exercise: Exercise
    public let learnerSQL: String
    public let image: DatabaseImage
    public var budget: Budget
    /// Limits for the two runs on the full data.
    public var limits: SandboxLimits

    public init(exercise: Exercise, learnerSQL: String, image: DatabaseImage, budget: Budget = Budget(), limits: SandboxLimits = SandboxLimits()) {
        self.exercise = exercise
        self.learnerSQL = learnerSQL
        self.image = image
        self.budget = budget
        self.limits = limits
    }

    /// A set of rows that come and go together.
    struct Unit: Sendable {
        var rows: [RowRef]
    }

    /// What the search needs to know about a dataset: its rows and how they hang together,
    /// computed once per image and shared by every search on it.
    public typealias Index = DatasetRows

    public func run() throws -> CounterexampleOutcome {
        try run(index: Index(image: image))
    }

    public func run(index: Index) throws -> CounterexampleOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let comparison: ResultComparison = {
            var comparison = ResultComparison(contract: exercise.contract)
            comparison.sampleSize = .max  // every differing cell counts for the difference's columns
            return comparison
        }()

        // 1. The difference on the full data, and the tables the queries read.
        let full = Sandbox(image: index.image, limits: limits)
        guard case .success(let fullReference) = full.run(sql: exercise.solution),
              case .success(let fullLearner) = full.run(sql: learnerSQL),
              let target = Difference(comparison.compare(expected: fullReference, actual: fullLearner)) else { return .notApplicable }
        let read = index.tableIndexes(named: fullReference.tablesRead.union(fullLearner.tablesRead))

        let builder = try SubsetBuilder(index)
        /// The work done so far (a class: the nested functions below update it).
        final class Work {
            var runs = 0, rowsCopied = 0
            var exhausted = false, safetyNet = false
        }
        let work = Work()
        var candidateLimits = SandboxLimits()
        candidateLimits.maxSteps = budget.stepsPerQuery
        candidateLimits.timeMilliseconds = Int(budget.safetyNet.components.seconds) * 1000

        // Deterministic shuffles, seeded by the two queries.
        var hash = FNV1a64()
        hash.add(exercise.solution)
        hash.add(learnerSQL)
        var rng = SplitMix64(seed: hash.value)
        func shuffled(_ units: [Unit]) -> [Unit] {
            var copy = units
            for index in stride(from: copy.count - 1, to: 0, by: -1) { copy.swapAt(index, rng.below(index + 1)) }
            return copy
        }
        let roots = index.families(among: read).map { shuffled($0.map(Unit.init(rows:))) }

        struct Found {
            var rows: Set<RowRef>
            var reference: QueryResult
            var learner: QueryResult
        }
        var best: Found?

        /// Builds the candidate, runs both queries, and says whether they disagree as on the full data.
        func disagrees(_ units: [Unit]) throws -> Found? {
            if clock.now - start > budget.safetyNet { work.safetyNet = true }
            // A unit brings the parents it needs, so that every candidate is a consistent database
            // and a unit never needs a neighbour to make sense.
            let rows = index.withParents(units.flatMap(\.rows), among: read)
            if work.safetyNet || work.runs >= budget.candidates || work.rowsCopied + rows.count > budget.rowsCopied {
                work.exhausted = true
                return nil
            }
            work.runs += 1
            work.rowsCopied += rows.count
            let sandbox = Sandbox(image: try builder.database(of: rows), limits: candidateLimits)
            guard case .success(let reference) = sandbox.run(sql: exercise.solution),
                  case .success(let learner) = sandbox.run(sql: learnerSQL),
                  let difference = Difference(comparison.compare(expected: reference, actual: learner)),
                  target.isShown(by: difference) else { return nil }
            return Found(rows: rows, reference: reference, learner: learner)
        }

        // 2. Grow a sample of units, doubling, until the queries disagree in the same way.
        var k = 1
        let largest = roots.map(\.count).max() ?? 0
        while best == nil && !work.exhausted && largest > 0 {
            best = try disagrees(roots.flatMap { $0.prefix(k) })
            if k >= largest { break }
            k *= 2
        }
        if work.safetyNet { return .stoppedBySafetyNet(seconds: Double(budget.safetyNet.components.seconds)) }
        guard var found = best else { return .notFound(runs: work.runs) }

        // 3. Delta debugging: subsets first (they shrink fastest), then complements. `fixed` rows
        //    are part of every candidate.
        func ddmin(_ units: [Unit], fixed: [Unit] = []) throws -> [Unit] {
            var current = units
            var granularity = 2
            while current.count >= 2 && !work.exhausted {
                let chunk = (current.count + granularity - 1) / granularity
                let chunks = stride(from: 0, to: current.count, by: chunk).map { $0..<min(current.count, $0 + chunk) }
                var reduced = false
                for range in chunks where !work.exhausted {
                    if let smaller = try disagrees(fixed + Array(current[range])) {
                        current = Array(current[range]); found = smaller; granularity = 2; reduced = true
                        break
                    }
                }
                if !reduced && granularity > 2 {
                    for range in chunks where !work.exhausted {
                        let complement = Array(current[..<range.lowerBound]) + Array(current[range.upperBound...])
                        if let smaller = try disagrees(fixed + complement) {
                            current = complement; found = smaller; granularity = max(granularity - 1, 2); reduced = true
                            break
                        }
                    }
                }
                if !reduced {
                    if granularity >= current.count { break }
                    granularity = min(current.count, granularity * 2)
                }
            }
            return current
        }
        let grown = roots.flatMap { $0.prefix(k) }
        _ = try ddmin(grown.filter { $0.rows.contains(where: found.rows.contains) })

        // 4. Then inside the units left, level by level down the tree (hierarchical delta
        //    debugging): the top rows kept (a user's sessions and assignments, say) with everything
        //    under each, then their children (a session's events and orders), and so on. Far fewer
        //    runs than shrinking single rows, and each level ends 1-minimal.
        var level = found.rows.filter { row in index.treeParent(of: row).map { !found.rows.contains($0) } ?? true }.sorted()
        while !level.isEmpty && !work.exhausted {
            let kept = found.rows
            var children: [RowRef: [RowRef]] = [:]
            for row in kept.sorted() {
                if let parent = index.treeParent(of: row), kept.contains(parent) { children[parent, default: []].append(row) }
            }
            func subtree(_ row: RowRef) -> [RowRef] { [row] + (children[row] ?? []).flatMap(subtree) }
            let units = level.filter(kept.contains).map { Unit(rows: subtree($0)) }
            let fixed = [Unit(rows: kept.subtracting(units.flatMap(\.rows)).sorted())]
            // The whole level may be unneeded (a user's only session, say): one run says.
            if !fixed[0].rows.isEmpty, let smaller = try disagrees(fixed) {
                found = smaller
            } else {
                _ = try ddmin(units, fixed: fixed)
            }
            let next = found.rows
            level = level.filter(next.contains).flatMap { children[$0] ?? [] }.filter(next.contains)
        }
        if work.safetyNet { return .stoppedBySafetyNet(seconds: Double(budget.safetyNet.components.seconds)) }

        // The example: every table read, with the rows left.
        var tables: [Counterexample.Table] = []
        for table in index.tables.indices where read.contains(table) {
            let (columns, rows) = try builder.values(of: table, in: found.rows)
            tables.append(Counterexample.Table(name: index.tables[table], columns: columns, rows: rows))
        }
        let (referenceMarks, learnerMarks) = unmatched(found.reference.rows, found.learner.rows, comparison: comparison)
        let elapsed = clock.now - start
        return .found(Counterexample(
            tables: tables, reference: found.reference, learner: found.learner,
            referenceMarks: referenceMarks, learnerMarks: learnerMarks, difference: target,
            runs: work.runs, rowsCopied: work.rowsCopied,
            milliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
            budgetExhausted: work.exhausted))
    }

    /// Rows of `a` and of `b` with no equal partner in the other (a greedy multiset match under the
    /// contract's equality), for marking in the example.
    func unmatched(_ a: [[Value]], _ b: [[Value]], comparison: ResultComparison) -> (Set<Int>, Set<Int>) {
        var free = Set(b.indices)
        var markedA = Set<Int>()
        for (i, row) in a.enumerated() {
            let match = b.indices.first { j in
                free.contains(j) && row.count == b[j].count && row.indices.allSatisfy { comparison.equal(row[$0], b[j][$0], column: $0) }
            }
            if let match { free.remove(match) } else { markedA.insert(i) }
        }
        return (markedA, free)
    }
}
