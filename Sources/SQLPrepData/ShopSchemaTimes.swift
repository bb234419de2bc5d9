/// What the shop's date and time columns hold. Every one is TEXT, so the type cannot tell a day
/// ('2025-03-31') from a moment ('2025-03-31 14:05:00'), yet the difference decides whether
/// `<= '2025-03-31'` keeps the whole last day. Declared here, column by column, rather than guessed
/// from names; `SQLPrepDataTests` checks the declaration against the generated values.
extension ShopSchema {
    public enum TimeKind: Sendable, Hashable {
        /// 'YYYY-MM-DD': a whole day.
        case day
        /// 'YYYY-MM-DD HH:MM:SS' (UTC): a moment, later than the bare date of its day.
        case moment
    }

    /// The date and time columns, as (table, column, kind).
    public static let timeColumns: [(table: String, column: String, kind: TimeKind)] = [
        ("users", "signup_at", .moment),
        ("sessions", "started_at", .moment),
        ("sessions", "ended_at", .moment),
        ("events", "occurred_at", .moment),
        ("orders", "ordered_at", .moment),
        ("marketing_spend", "spend_date", .day),
        ("experiments", "started_at", .moment),
        ("experiments", "ended_at", .moment),
        ("experiment_assignments", "assigned_at", .moment),
        ("memberships", "started_at", .moment),
        ("memberships", "cancelled_at", .moment),
    ]

    /// The tables with a column named `column` (unqualified, any case) declared to hold moments,
    /// provided no table declares a column of that name otherwise: a name that is a moment in one
    /// table and something else in another could be either, so it gets none.
    public static func tablesHoldingMoments(column: String) -> [String] {
        let name = column.lowercased()
        let tables = ShopSchema.tables.filter { table in table.columns.contains { $0.name == name } }.map(\.name)
        let moments = timeColumns.filter { $0.column == name && $0.kind == .moment }.map(\.table)
        return !tables.isEmpty && Set(tables) == Set(moments) ? tables : []
    }
}
