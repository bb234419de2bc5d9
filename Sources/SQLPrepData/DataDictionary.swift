/// The human-readable data dictionary (`sqlprep dataset schema`, `Fixtures/shop-schema.txt`).
public enum DataDictionary {
    public static func render(counts: [(table: String, rows: Int)], spec: DatasetSpec) -> String {
        var out = "The shop dataset (\(spec)): an online shop from 2024-01-01 to 2025-06-30, UTC.\n"
        out += "Timestamps are text 'YYYY-MM-DD HH:MM:SS'; money is integer cents.\n"
        for table in ShopSchema.tables {
            let rows = counts.first { $0.table == table.name }?.rows ?? 0
            out += "\n\(table.name) — \(table.meaning) (\(rows) rows)\n"
            out += describe(table)
        }
        return out
    }

    /// One line per column: name, type, meaning.
    public static func describe(_ table: TableSchema) -> String {
        let nameWidth = table.columns.map(\.name.count).max() ?? 0
        return table.columns.map { column in
            let name = column.name + String(repeating: " ", count: nameWidth - column.name.count)
            let type = column.type + String(repeating: " ", count: 8 - column.type.count)
            return "  \(name)  \(type) \(column.meaning)\n"
        }.joined()
    }
}
