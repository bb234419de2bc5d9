import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepExercises

/// The learner's progress: one SQLite file in the workspace, owned by this type alone. Every
/// change goes through a short `BEGIN IMMEDIATE` transaction, so two sqlprep processes at once (a
/// `watch` and a `submit`) queue instead of clobbering each other, and a process killed at any
/// moment loses at most the write in flight (SQLite's atomic commit, in WAL mode).
///
/// A damaged or newer-format store is never reset: opening it throws ``WorkspaceError`` with what
/// happened and what to do.
public final class ProgressStore {
    /// Bumped when the schema changes; a store with a higher version is refused.
    public static let formatVersion: Int32 = 1

    public let path: String
    private let db: Connection

    /// Opens the store at `path`, creating it when `create` is true and it does not exist.
    public init(path: String, create: Bool) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        guard exists || create else { throw WorkspaceError.noStore(path) }
        if exists {
            try ProgressStore.checkHeader(path)
        }
        do {
            db = try Connection.file(path)
            try db.execute("PRAGMA busy_timeout = 10000")
            try db.execute("PRAGMA foreign_keys = ON")
            let mode = try db.prepare("PRAGMA journal_mode = WAL").scalar()
            _ = mode
            try db.execute("PRAGMA synchronous = NORMAL")
            let version = try ProgressStore.userVersion(db)
            if version > ProgressStore.formatVersion {
                throw WorkspaceError.newerStore(path, version: Int(version))
            }
            if version == 0 {
                try migrate()
            } else if try db.prepare("PRAGMA quick_check").scalar() != .text("ok") {
                throw WorkspaceError.corruptStore(path, detail: "its integrity check failed")
            }
        } catch let error as WorkspaceError {
            throw error
        } catch let error as SQLiteError {
            throw WorkspaceError.from(error, path: path)
        }
    }

    /// A file that is not a SQLite database (truncated, overwritten) is reported, not reset.
    static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw WorkspaceError.unreadable(path)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty {
            throw WorkspaceError.corruptStore(path, detail: "the file is empty")
        }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw WorkspaceError.corruptStore(path, detail: "it is not a SQLite database")
        }
    }

    static func userVersion(_ db: Connection) throws -> Int32 {
        guard case .integer(let version)? = try db.prepare("PRAGMA user_version").scalar() else { return 0 }
        return Int32(version)
    }

    private func migrate() throws {
        try transaction {
            try db.execute("""
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS attempts (
                  attempt_id INTEGER PRIMARY KEY,
                  uid TEXT NOT NULL UNIQUE,
                  at TEXT NOT NULL,
                  exercise TEXT NOT NULL,
                  query_hash TEXT NOT NULL,
                  query TEXT NOT NULL,
                  status TEXT NOT NULL,
                  reason TEXT,
                  diagnoses TEXT NOT NULL DEFAULT '',
                  elapsed_ms INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX IF NOT EXISTS attempts_exercise ON attempts(exercise, status);
                CREATE TABLE IF NOT EXISTS hints (
                  exercise TEXT NOT NULL, level INTEGER NOT NULL, at TEXT NOT NULL, PRIMARY KEY (exercise, level)
                );
                CREATE TABLE IF NOT EXISTS events (
                  at TEXT NOT NULL, exercise TEXT NOT NULL, kind TEXT NOT NULL, UNIQUE (at, exercise, kind)
                );
                PRAGMA user_version = \(ProgressStore.formatVersion);
                """)
        }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction (waiting up to the busy timeout for another
    /// process's write to finish), committing on success and rolling back on error.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        do {
            try db.execute("BEGIN IMMEDIATE")
        } catch let error as SQLiteError {
            throw WorkspaceError.from(error, path: path)
        }
        do {
            let result = try body()
            try db.execute("COMMIT")
            return result
        } catch {
            try? db.execute("ROLLBACK")
            if let error = error as? SQLiteError { throw WorkspaceError.from(error, path: path) }
            throw error
        }
    }

    func run(_ sql: String, _ values: [Value]) throws {
        let statement = try db.prepare(sql)
        try statement.bind(values)
        try statement.stepDone()
    }

    func rows(_ sql: String, _ values: [Value] = []) throws -> [[Value]] {
        do {
            let statement = try db.prepare(sql)
            try statement.bind(values)
            return try statement.allRows()
        } catch let error as SQLiteError {
            throw WorkspaceError.from(error, path: path)
        }
    }

    /// Now, as stored: `SQLPREP_NOW` when set (``WorkspaceClock``), else the system clock.
    static func now() -> String {
        WorkspaceClock.stamp(WorkspaceClock.now() ?? Date())
    }

    // MARK: - Recording

    /// Records one submission.
    public func record(_ attempt: Attempt) throws {
        _ = try record(attempt, unlessRepeat: false)
    }

    /// Records one submission; with `unlessRepeat`, only when it is not a repeat of the last attempt
    /// recorded for its exercise — the same query (by ``Attempt/queryHash``, the hash of the file's
    /// content that every attempt has stored since format 1, so no migration) with the same status.
    /// `watch` re-checks on every save and on `r`; this keeps an unchanged file from counting again,
    /// while a changed verdict on the same text (a safety net that stopped a query once) still counts.
    /// The look and the insert share one transaction, so two processes cannot both decide to record.
    /// Returns whether the attempt was recorded.
    @discardableResult
    public func record(_ attempt: Attempt, unlessRepeat: Bool) throws -> Bool {
        try transaction {
            if unlessRepeat, let last = try rows(
                "SELECT query_hash, status FROM attempts WHERE exercise = ? ORDER BY at DESC, attempt_id DESC LIMIT 1", [.text(attempt.exercise)]
            ).first, last[0] == .text(attempt.queryHash), last[1] == .text(attempt.status.rawValue) {
                return false
            }
            try run(
                "INSERT OR IGNORE INTO attempts (uid, at, exercise, query_hash, query, status, reason, diagnoses, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(attempt.id), .text(attempt.at), .text(attempt.exercise), .text(attempt.queryHash), .text(attempt.query), .text(attempt.status.rawValue),
                 attempt.reason.map(Value.text) ?? .null, .text(attempt.diagnoses.joined(separator: ",")), .integer(Int64(attempt.elapsedMilliseconds))])
            return true
        }
    }

    /// Reveals the next hint level for `exercise` and returns it (1-based), capped at `available`.
    public func revealHint(exercise: String, available: Int) throws -> Int {
        try transaction {
            let shown = try hintsRevealed(exercise)
            guard shown < available else { return shown }
            try run("INSERT INTO hints (exercise, level, at) VALUES (?, ?, ?)", [.text(exercise), .integer(Int64(shown + 1)), .text(ProgressStore.now())])
            return shown + 1
        }
    }

    public func hintsRevealed(_ exercise: String) throws -> Int {
        guard case .integer(let count)? = try rows("SELECT count(*) FROM hints WHERE exercise = ?", [.text(exercise)]).first?.first else { return 0 }
        return Int(count)
    }

    /// Records an event: `skip`, `goto`, `solution`, `solution-forced`, `reset`.
    public func recordEvent(_ kind: String, exercise: String) throws {
        try transaction {
            try run("INSERT OR IGNORE INTO events (at, exercise, kind) VALUES (?, ?, ?)", [.text(ProgressStore.now()), .text(exercise), .text(kind)])
        }
    }

    /// The exercise the learner is on, in `meta` under `current_exercise`: set by `goto`, by `skip`
    /// and by a pass of the current exercise, and kept even when that exercise is passed (``LearnerSession/current()``
    /// reads it). Writing it drops the ``legacyCurrent()`` mark, so the two never disagree.
    ///
    /// A new key rather than a new meaning for the old one: no schema change, so stores stay format 1,
    /// open in older sqlprep, and keep every attempt.
    public func setCurrent(_ exercise: String?) throws {
        try transaction {
            try run("DELETE FROM meta WHERE key = 'current'", [])
            if let exercise {
                try run("INSERT OR REPLACE INTO meta (key, value) VALUES ('current_exercise', ?)", [.text(exercise)])
            } else {
                try run("DELETE FROM meta WHERE key = 'current_exercise'", [])
            }
        }
    }

    /// The exercise last set with ``setCurrent(_:)``, or nil.
    public func current() throws -> String? {
        try meta("current_exercise")
    }

    /// The `goto` choice as sqlprep wrote it before ``setCurrent(_:)`` (meta key `current`): it meant
    /// "this exercise, until it is passed", so it is honoured only while the exercise is not passed.
    /// Present only in stores last moved by an older sqlprep.
    public func legacyCurrent() throws -> String? {
        try meta("current")
    }

    private func meta(_ key: String) throws -> String? {
        if case .text(let value)? = try rows("SELECT value FROM meta WHERE key = ?", [.text(key)]).first?.first { return value }
        return nil
    }

    // MARK: - Reading

    /// Everything known about each exercise that has any progress.
    public func progress() throws -> [String: ExerciseProgress] {
        var result: [String: ExerciseProgress] = [:]
        for row in try rows("SELECT exercise, count(*), sum(status = ?), max(at) FROM attempts GROUP BY exercise", [.text(Verdict.Status.pass.rawValue)]) {
            guard case .text(let id) = row[0] else { continue }
            result[id, default: ExerciseProgress()].attempts = Int(row[1].numericValue ?? 0)
            result[id, default: ExerciseProgress()].passed = (row[2].numericValue ?? 0) > 0
        }
        for row in try rows("SELECT exercise, count(*) FROM hints GROUP BY exercise") {
            guard case .text(let id) = row[0] else { continue }
            result[id, default: ExerciseProgress()].hintsRevealed = Int(row[1].numericValue ?? 0)
        }
        for row in try rows("SELECT exercise, kind FROM events") {
            guard case .text(let id) = row[0], case .text(let kind) = row[1] else { continue }
            if kind == "skip" { result[id, default: ExerciseProgress()].skipped = true }
            if kind.hasPrefix("solution") { result[id, default: ExerciseProgress()].solutionSeen = true }
        }
        return result
    }

    /// The diagnosis codes of the most recent attempt at `exercise`.
    public func lastDiagnoses(_ exercise: String) throws -> [String] {
        guard case .text(let codes)? = try rows("SELECT diagnoses FROM attempts WHERE exercise = ? ORDER BY at DESC, attempt_id DESC LIMIT 1", [.text(exercise)]).first?.first else { return [] }
        return codes.split(separator: ",").map(String.init)
    }

    public func attempts(_ exercise: String? = nil) throws -> [Attempt] {
        let filter = exercise == nil ? "" : "WHERE exercise = ?"
        return try rows(
            "SELECT uid, at, exercise, query_hash, query, status, reason, diagnoses, elapsed_ms FROM attempts \(filter) ORDER BY at, attempt_id",
            exercise.map { [.text($0)] } ?? []
        ).map { row in
            // Only `record` and a checked import write attempts, so another status means the file was altered.
            guard let attempt = Attempt(row: row) else {
                throw WorkspaceError.corruptStore(path, detail: "an attempt has an unknown status")
            }
            return attempt
        }
    }

    // MARK: - Reset

    /// Copies the store to `backupPath` (SQLite's online backup through `VACUUM INTO`), then clears
    /// all progress.
    public func resetAll(backupPath: String) throws {
        do {
            try db.execute("VACUUM INTO '\(backupPath.replacingOccurrences(of: "'", with: "''"))'")
        } catch let error as SQLiteError {
            throw WorkspaceError.from(error, path: backupPath)
        }
        try transaction {
            try db.execute("DELETE FROM attempts; DELETE FROM hints; DELETE FROM events; DELETE FROM meta WHERE key IN ('current', 'current_exercise')")
            if try hasReviews() { try db.execute("DELETE FROM reviews") }
        }
    }

    // MARK: - Reviews

    /// The `reviews` table is made by the first review, not by a migration: a store without one is
    /// still format 1, opens in older sqlprep (which ignores the table) and keeps every attempt.
    func hasReviews() throws -> Bool {
        try !rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reviews'").isEmpty
    }

    private func createReviews() throws {
        try db.execute("""
            CREATE TABLE IF NOT EXISTS reviews (
              review_id INTEGER PRIMARY KEY,
              uid TEXT NOT NULL UNIQUE,
              at TEXT NOT NULL,
              exercise TEXT NOT NULL,
              seed INTEGER NOT NULL,
              status TEXT NOT NULL,
              diagnoses TEXT NOT NULL DEFAULT ''
            )
            """)
    }

    /// Records one answered review.
    public func recordReview(_ review: ReviewRecord) throws {
        try transaction { try insert(review) }
    }

    func insert(_ review: ReviewRecord) throws {
        try createReviews()
        try run(
            "INSERT OR IGNORE INTO reviews (uid, at, exercise, seed, status, diagnoses) VALUES (?, ?, ?, ?, ?, ?)",
            [.text(review.id), .text(review.at), .text(review.exercise), .integer(Int64(bitPattern: review.seed)),
             .text(review.status.rawValue), .text(review.diagnoses.joined(separator: ","))])
    }

    /// Every answered review, oldest first.
    public func reviews() throws -> [ReviewRecord] {
        guard try hasReviews() else { return [] }
        return try rows("SELECT uid, at, exercise, seed, status, diagnoses FROM reviews ORDER BY at, review_id").map { row in
            func text(_ v: Value) -> String { if case .text(let t) = v { t } else { "" } }
            guard let status = Verdict.Status(rawValue: text(row[4])), case .integer(let seed) = row[3] else {
                throw WorkspaceError.corruptStore(path, detail: "a review record is unreadable")
            }
            var record = ReviewRecord(at: text(row[1]), exercise: text(row[2]), seed: UInt64(bitPattern: seed), status: status,
                                      diagnoses: text(row[5]).split(separator: ",").map(String.init))
            record.id = text(row[0])
            return record
        }
    }

    /// The review queue as of the stored history.
    public func reviewQueue(order: [String]) throws -> ReviewQueue {
        ReviewQueue(attempts: try attempts(), reviews: try reviews(), order: order)
    }
}

@available(*, unavailable)
extension ProgressStore: Sendable {}

/// One recorded submission.
public struct Attempt: Sendable, Hashable, Codable {
    /// A unique id (a UUID), so that importing the same export twice adds nothing.
    public var id: String
    public var at: String
    public var exercise: String
    public var queryHash: String
    public var query: String
    public var status: Verdict.Status
    /// A ``Verdict/Reason``'s raw value, or nil. Kept as text: an import has always accepted any
    /// reason, so a store may hold one this build does not know.
    public var reason: String?
    public var diagnoses: [String]
    public var elapsedMilliseconds: Int

    public init(at: String? = nil, exercise: String, query: String, status: Verdict.Status, reason: String?, diagnoses: [String], elapsedMilliseconds: Int) {
        self.id = UUID().uuidString.lowercased()
        self.at = at ?? ProgressStore.now()
        self.exercise = exercise
        var hash = FNV1a64()
        hash.add(bytes: query.utf8)
        self.queryHash = hash.hex
        self.query = query
        self.status = status
        self.reason = reason
        self.diagnoses = diagnoses
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// Nil when the row's status is not a verdict's.
    init?(row: [Value]) {
        func text(_ v: Value) -> String { if case .text(let t) = v { t } else { "" } }
        guard let status = Verdict.Status(rawValue: text(row[5])) else { return nil }
        self.status = status
        id = text(row[0])
        at = text(row[1])
        exercise = text(row[2])
        queryHash = text(row[3])
        query = text(row[4])
        reason = row[6].isNull ? nil : text(row[6])
        diagnoses = text(row[7]).split(separator: ",").map(String.init)
        elapsedMilliseconds = Int(row[8].numericValue ?? 0)
    }

    enum CodingKeys: String, CodingKey {
        case id, at, exercise, queryHash = "query_hash", query, status, reason, diagnoses, elapsedMilliseconds = "elapsed_ms"
    }

    /// An attempt in an import file that cannot be taken: an unknown status, or no exercise.
    struct Unusable: Error {
        let status: String
        let exercise: String
    }

    /// Reads an attempt of a progress export, refusing (with ``Unusable``) one whose status is not a
    /// verdict's or that names no exercise, so nothing unknown reaches the store.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        at = try container.decode(String.self, forKey: .at)
        exercise = try container.decode(String.self, forKey: .exercise)
        queryHash = try container.decode(String.self, forKey: .queryHash)
        query = try container.decode(String.self, forKey: .query)
        let status = try container.decode(String.self, forKey: .status)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        diagnoses = try container.decode([String].self, forKey: .diagnoses)
        elapsedMilliseconds = try container.decode(Int.self, forKey: .elapsedMilliseconds)
        guard let known = Verdict.Status(rawValue: status), !exercise.isEmpty else { throw Unusable(status: status, exercise: exercise) }
        self.status = known
    }
}

/// What a learner has done on one exercise.
public struct ExerciseProgress: Sendable, Hashable {
    public var attempts = 0
    public var passed = false
    public var hintsRevealed = 0
    public var skipped = false
    public var solutionSeen = false

    public init() {}

    /// Where the learner stands on the exercise, as `list` and `progress` show it.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case passed, attempted, skipped, new
    }

    /// Passed wins; then skipped (a learner who tried and then skipped has moved on: the attempts
    /// are still counted in ``attempts``); then attempted; else new.
    public var status: Status { passed ? .passed : skipped ? .skipped : attempts > 0 ? .attempted : .new }
}
