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
        public let sql: String
    }

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

/// What a correct result looks like: the columns (with kinds and rounding) and the row order.
public struct ResultContract: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case count, integer, ratio, percent, money, number, date, month, timestamp, text

        public var isNumeric: Bool {
            switch self {
            case .count, .integer, .ratio, .percent, .money, .number: true
            default: false
            }
        }

        /// Plain words for the contract table shown to learners.
        public var meaning: String {
            switch self {
            case .count: "a whole number of things"
            case .integer: "a whole number"
            case .ratio: "a fraction from 0 to 1"
            case .percent: "a percentage from 0 to 100"
            case .money: "an amount of money"
            case .number: "a number"
            case .date: "a date, YYYY-MM-DD"
            case .month: "a month, YYYY-MM"
            case .timestamp: "a timestamp, YYYY-MM-DD HH:MM:SS"
            case .text: "text"
            }
        }
    }

    public struct Column: Sendable, Hashable {
        public let name: String
        public let kind: Kind
        /// The rounding the prompt asks for; values must agree to this many decimals.
        public let decimals: Int?

        public init(name: String, kind: Kind, decimals: Int? = nil) {
            self.name = name
            self.kind = kind
            self.decimals = decimals
        }
    }

    public struct SortKey: Sendable, Hashable {
        /// Index into ``ResultContract/columns``.
        public let column: Int
        public let descending: Bool

        public init(column: Int, descending: Bool) {
            self.column = column
            self.descending = descending
        }
    }

    public let columns: [Column]
    /// Empty: any row order is correct.
    public let sortKeys: [SortKey]

    public init(columns: [Column], sortKeys: [SortKey] = []) {
        self.columns = columns
        self.sortKeys = sortKeys
    }

    public var isOrdered: Bool { !sortKeys.isEmpty }

    /// The `order:` line as written, e.g. `revenue desc, channel`, or `any`.
    public var orderDescription: String {
        guard isOrdered else { return "any order" }
        return sortKeys.map { columns[$0.column].name + ($0.descending ? " (largest first)" : "") }.joined(separator: ", then ")
    }
}
