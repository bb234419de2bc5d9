import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepExercises

/// Outcomes of earlier grading runs, so that grading the same folder again (after a late submission,
/// or with one more learner on the roster) runs only the files that are new or changed.
///
/// A file's outcomes depend on its exact bytes, its exercise, and the grading setup (this build of
/// sqlprep, the hidden-dataset key, the limits, explanations); all of them are part of the key, and
/// the bytes are compared whole, not by hash. Outcomes that depend on the machine's state rather than
/// the file — a time-out, a worker that died, a dataset that could not be built — are never kept, so
/// a regrade tries them again.
///
/// What it keeps are the workers' ``DatasetCheck``s, facts without prose: the words are written
/// afresh from them on every run, so a reused file reads exactly as a regraded one.
///
/// It lives in SQLite next to the dataset images. It is an optimisation only: when the file cannot
/// be opened or written, grading simply runs everything.
public final class GradingMemory {
    private let db: Connection
    private let build: String
    private let setup: String

    /// What a row's `outcomes` column holds: JSON of ``DatasetCheck``s. Part of every setup key, so a
    /// memory written in another form is never read as this one.
    static let storedForm = "dataset-checks-1"

    /// Opens (or creates) the memory at `path` for one grading setup, and forgets what other builds
    /// of sqlprep kept. Nil when the file cannot be used.
    /// - Parameter setup: everything besides the file and its exercise that decides an outcome
    ///   (``WorkerConfiguration/outcomeSetup``).
    public init?(path: String, setup: String) {
        var hash = FNV1a64()
        hash.add(GradingMemory.storedForm)
        hash.add(setup)
        self.setup = hash.hex
        build = ImageCache.buildIdentity
        do {
            db = try Connection.file(path)
            try db.execute("PRAGMA busy_timeout = 10000")
            _ = try db.prepare("PRAGMA journal_mode = WAL").scalar()
            try db.execute("""
                CREATE TABLE IF NOT EXISTS outcomes (
                  build TEXT NOT NULL, setup TEXT NOT NULL, exercise TEXT NOT NULL, sql BLOB NOT NULL, outcomes TEXT NOT NULL,
                  PRIMARY KEY (setup, exercise, sql)) WITHOUT ROWID
                """)
            let prune = try db.prepare("DELETE FROM outcomes WHERE build <> ?")
            try prune.bind([.text(build)])
            try prune.stepDone()
        } catch {
            return nil
        }
    }

    /// A digest of what in `exercise` decides an outcome: its reference, result contract and dataset
    /// (a course folder can change without sqlprep being rebuilt).
    public static func key(for exercise: Exercise) -> String {
        var hash = FNV1a64()
        hash.add(exercise.solution)
        hash.add(String(describing: exercise.contract))
        hash.add(String(describing: exercise.dataset))
        return "\(exercise.id)#\(hash.hex)"
    }

    /// Answers the jobs it remembers (unless `reuse` is false), passes the others to `run`, keeps what
    /// may be kept, and says how many were answered from memory.
    public func run(
        _ jobs: [GradingJob], exerciseKeys: [String: String], reuse: Bool = true, through run: ([GradingJob]) -> [Int: [DatasetCheck]]
    ) -> (outcomes: [Int: [DatasetCheck]], reused: Int) {
        var outcomes: [Int: [DatasetCheck]] = [:]
        var missing: [GradingJob] = []
        let decoder = JSONDecoder()
        let lookup = reuse ? try? db.prepare("SELECT outcomes FROM outcomes WHERE setup = ? AND exercise = ? AND sql = ?") : nil
        for job in jobs {
            let bytes = job.bytes
            if let lookup, !bytes.isEmpty, let exercise = exerciseKeys[job.exercise],
               (try? lookup.bind([.text(setup), .text(exercise), .blob(bytes)])) != nil,
               case .text(let text)? = try? lookup.scalar(),
               let kept = try? decoder.decode([DatasetCheck].self, from: Data(text.utf8)) {
                outcomes[job.id] = kept
            } else {
                missing.append(job)
            }
        }
        let fresh = run(missing)
        outcomes.merge(fresh) { _, new in new }
        remember(missing, fresh, exerciseKeys: exerciseKeys)
        return (outcomes, jobs.count - missing.count)
    }

    private func remember(_ jobs: [GradingJob], _ outcomes: [Int: [DatasetCheck]], exerciseKeys: [String: String]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            try db.execute("BEGIN IMMEDIATE")
            let insert = try db.prepare("INSERT OR REPLACE INTO outcomes (build, setup, exercise, sql, outcomes) VALUES (?, ?, ?, ?, ?)")
            for job in jobs {
                let bytes = job.bytes
                guard !bytes.isEmpty, let exercise = exerciseKeys[job.exercise], let result = outcomes[job.id],
                      !result.isEmpty, result.allSatisfy(GradingMemory.isKeepable),
                      let json = try? encoder.encode(result) else { continue }
                try insert.bind([.text(build), .text(setup), .text(exercise), .blob(bytes), .text(String(decoding: json, as: UTF8.self))])
                try insert.stepDone()
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
        }
    }

    /// An outcome decided by the file alone, not by the machine at the time.
    static func isKeepable(_ outcome: DatasetCheck) -> Bool {
        outcome.status != .skipped && outcome.reason != .timeout && outcome.reason != .limit
    }
}
