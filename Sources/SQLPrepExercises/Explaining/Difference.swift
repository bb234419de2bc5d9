/// How two results differ: what an example must show to be about the same mistake.
public struct Difference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Same rows, another order.
        case order
        /// Some values differ (in `columns`, by position), rows are missing or unexpected.
        case result(columns: Set<Int>, missing: Bool, unexpected: Bool)
    }

    public let kind: Kind

    /// The difference `report` describes; nil when there is none, or the shapes differ (an example
    /// adds nothing to "3 columns instead of 4").
    public init?(_ report: ComparisonReport) {
        switch report.reason {
        case nil, .wrongShape?: return nil
        case .wrongOrder?: kind = .order
        case .wrongResult?:
            kind = .result(
                columns: Set(report.cellDifferences.flatMap { $0.cells.map(\.column) }),
                missing: report.missingRowsTotal > 0, unexpected: report.unexpectedRowsTotal > 0)
        }
    }

    /// Whether `other` (found on a candidate) differs in the same way as this one (the full data):
    /// the same order problem, or at least one of the same columns differing, or the same kind of
    /// missing or unexpected rows.
    public func isShown(by other: Difference) -> Bool {
        switch (kind, other.kind) {
        case (.order, .order): return true
        case let (.result(columns, missing, unexpected), .result(otherColumns, otherMissing, otherUnexpected)):
            return !columns.isDisjoint(with: otherColumns) || (missing && otherMissing) || (unexpected && otherUnexpected)
        default: return false
        }
    }
}
