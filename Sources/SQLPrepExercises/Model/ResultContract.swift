/// What a correct result looks like: the columns (with kinds and rounding) and the row order.
public struct ResultContract: Sendable, Hashable {
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
