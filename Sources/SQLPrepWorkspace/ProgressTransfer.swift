import Foundation
import SQLiteKit
import SQLPrepExercises

/// The documented JSON form of a learner's progress (`sqlprep progress export` / `import`):
///
/// ```json
/// {
///   "format": "sqlprep-progress",
///   "version": 1,
///   "exported_at": "2026-11-27T10:00:00.000Z",
///   "attempts": [{"id": "a UUID", "at": "…", "exercise": "orders-by-status", "query_hash": "…", "query": "SELECT …",
///                 "status": "pass", "reason": null, "diagnoses": [], "elapsed_ms": 12}],
///   "hints":    [{"exercise": "orders-by-status", "level": 1, "at": "…"}],
///   "events":   [{"exercise": "orders-by-status", "kind": "skip", "at": "…"}],
///   "reviews":  [{"id": "a UUID", "at": "…", "exercise": "cpo-by-channel", "seed": 512301, "status": "pass", "diagnoses": []}]
/// }
/// ```
///
/// Importing merges: attempts are keyed by their id, hints by (exercise, level),
/// events by (at, exercise, kind), reviews by their id; anything already present is kept as it is.
/// `reviews` may be absent (exports written before the review queue have none).
public struct ProgressExport: Codable, Sendable, Equatable {
    public struct HintRecord: Codable, Sendable, Equatable {
        public var exercise: String
        public var level: Int
        public var at: String
    }

    public struct EventRecord: Codable, Sendable, Equatable {
        public var exercise: String
        public var kind: String
        public var at: String
    }

    public var format = "sqlprep-progress"
    public var version = 1
    public var exportedAt: String
    public var attempts: [Attempt]
    public var hints: [HintRecord]
    public var events: [EventRecord]
    public var reviews: [ReviewRecord]?

    enum CodingKeys: String, CodingKey {
        case format, version, exportedAt = "exported_at", attempts, hints, events, reviews
    }
}

extension ProgressStore {
    public func exportProgress() throws -> ProgressExport {
        func text(_ v: Value) -> String { if case .text(let t) = v { t } else { "" } }
        let hints = try rows("SELECT exercise, level, at FROM hints ORDER BY exercise, level").map {
            ProgressExport.HintRecord(exercise: text($0[0]), level: Int($0[1].numericValue ?? 0), at: text($0[2]))
        }
        let events = try rows("SELECT exercise, kind, at FROM events ORDER BY at, exercise, kind").map {
            ProgressExport.EventRecord(exercise: text($0[0]), kind: text($0[1]), at: text($0[2]))
        }
        return ProgressExport(exportedAt: ProgressStore.now(), attempts: try attempts(), hints: hints, events: events, reviews: try reviews())
    }

    /// Writes the export as pretty JSON, atomically.
    public func exportProgress(to path: String) throws -> ProgressExport {
        let export = try exportProgress()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(export).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WorkspaceError.readOnly(path)
        }
        return export
    }

    /// Merges an export into this store in one transaction; returns how many new attempts, hints,
    /// events and reviews were added.
    public func importProgress(from path: String) throws -> (attempts: Int, hints: Int, events: Int, reviews: Int) {
        // An empty file is answered before reading it (reading a 0-byte file through Foundation
        // leaks its buffer on Linux, found by the FuzzProgressImport target).
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == 0 { throw WorkspaceError.badImport(path, detail: "the file is empty") }
        guard size != nil, let data = FileManager.default.contents(atPath: path) else {
            throw WorkspaceError.badImport(path, detail: "the file cannot be read")
        }
        let export: ProgressExport
        do {
            export = try JSONDecoder().decode(ProgressExport.self, from: data)
        } catch let unusable as Attempt.Unusable {
            // The file's format and version are answered first, as for any other file.
            if let envelope = try? JSONDecoder().decode(ProgressTransfer.Envelope.self, from: data) { try envelope.check(path) }
            throw WorkspaceError.badImport(path, detail: "an attempt has status '\(unusable.status)' for exercise '\(unusable.exercise)'")
        } catch {
            throw WorkspaceError.badImport(path, detail: "it is not a sqlprep progress export (\(ProgressTransfer.describe(error)))")
        }
        try ProgressTransfer.Envelope(format: export.format, version: export.version).check(path)
        return try transaction {
            let before = try counts()
            for attempt in export.attempts {
                try run(
                    "INSERT OR IGNORE INTO attempts (uid, at, exercise, query_hash, query, status, reason, diagnoses, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [.text(attempt.id), .text(attempt.at), .text(attempt.exercise), .text(attempt.queryHash), .text(attempt.query), .text(attempt.status.rawValue),
                     attempt.reason.map(Value.text) ?? .null, .text(attempt.diagnoses.joined(separator: ",")), .integer(Int64(attempt.elapsedMilliseconds))])
            }
            for hint in export.hints where hint.level > 0 {
                try run("INSERT OR IGNORE INTO hints (exercise, level, at) VALUES (?, ?, ?)", [.text(hint.exercise), .integer(Int64(hint.level)), .text(hint.at)])
            }
            for event in export.events {
                try run("INSERT OR IGNORE INTO events (at, exercise, kind) VALUES (?, ?, ?)", [.text(event.at), .text(event.exercise), .text(event.kind)])
            }
            let reviewsBefore = try reviews().count
            for review in export.reviews ?? [] where !review.exercise.isEmpty {
                try insert(review)
            }
            let after = try counts()
            return (after.0 - before.0, after.1 - before.1, after.2 - before.2, try reviews().count - reviewsBefore)
        }
    }

    private func counts() throws -> (Int, Int, Int) {
        let row = try rows("SELECT (SELECT count(*) FROM attempts), (SELECT count(*) FROM hints), (SELECT count(*) FROM events)")[0]
        return (Int(row[0].numericValue ?? 0), Int(row[1].numericValue ?? 0), Int(row[2].numericValue ?? 0))
    }
}

enum ProgressTransfer {
    /// What an export says about itself: which format and which version wrote it.
    struct Envelope: Decodable {
        let format: String
        let version: Int

        func check(_ path: String) throws {
            guard format == "sqlprep-progress" else {
                throw WorkspaceError.badImport(path, detail: "its format is '\(format)', not 'sqlprep-progress'")
            }
            guard version <= 1 else {
                throw WorkspaceError.badImport(path, detail: "it was written by a newer sqlprep (version \(version)); upgrade sqlprep")
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "the field '\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "a value has the wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "it is not valid JSON"
        default: "\(error)"
        }
    }
}
