import SQLPrepData

/// One exercise of a course, as loaded from its folder (see `Exercises/README.md`).
public struct Exercise: Sendable, Hashable, Identifiable {
    public enum Difficulty: String, Sendable, Hashable, CaseIterable, Comparable {
        case easy, medium, hard
        public static func < (a: Difficulty, b: Difficulty) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// A known-wrong query kept as test material.
    public struct WrongQuery: Sendable, Hashable {
        /// The file name without `.sql`.
        public let name: String
        /// The `-- mistake:` line, in plain words.
        public let mistake: String
        /// The `-- trap:` line: which of the exercise's traps this query captures, if any.
        public let trap: String?
        public let sql: String
    }

    /// The trap names an exercise's `traps:` line and a known-wrong query's `-- trap:` line may use
    /// (documented in `Exercises/README.md`).
    public static let trapNames = [
        "integer-division", "percent-vs-fraction", "fan-out", "zero-groups", "ties", "date-window", "nulls",
        "duplicate-events", "order-status",
    ]

    /// A hint, optionally attached to a diagnosis code (shown first when that mistake is seen).
    public struct Hint: Sendable, Hashable {
        public let text: String
        public let diagnosis: String?
    }

    public let id: String
    public let title: String
    public let track: Track
    public let difficulty: Difficulty
    public let dataset: DatasetSpec
    public let contract: ResultContract
    public let prompt: String
    public let solution: String
    public let hints: [Hint]
    public let explanation: String
    public let wrongQueries: [WrongQuery]
    /// The mistakes the exercise teaches (`traps:`); each is captured by a known-wrong query's `-- trap:` line.
    public let traps: [String]
    /// The folder, relative to the course root, e.g. `02-conversion/conversion-by-channel`.
    public let folder: String

    public static func == (a: Exercise, b: Exercise) -> Bool { a.id == b.id && a.folder == b.folder }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The tables of the dataset the reference solution reads, in schema order.
    public var tablesUsed: [TableSchema] {
        let words = Set(solution.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "_") }).map(String.init))
        return ShopSchema.tables.filter { words.contains($0.name) }
    }
}

/// A track: a numbered folder grouping exercises on one topic.
public struct Track: Sendable, Hashable {
    /// The folder name, e.g. `02-conversion`.
    public let folder: String
    public let title: String
}
