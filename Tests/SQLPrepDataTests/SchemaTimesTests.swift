import SQLPrepData
import SQLiteKit
import Testing

@Suite("Declared date and time columns")
struct SchemaTimesTests {
    @Test("Every TEXT column that holds dates is declared, as a day or a moment, as its values show")
    func declarationsMatchValues() throws {
        let db = try Datasets.connection(Datasets.tiny)
        for table in ShopSchema.tables {
            for column in table.columns where column.type == "TEXT" {
                let declared = ShopSchema.timeColumns.first { $0.table == table.name && $0.column == column.name }?.kind
                // How many values look like a day, like a moment, and how many values there are.
                let shapes = try db.prepare("""
                    SELECT SUM(\(column.name) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                           SUM(\(column.name) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),
                           COUNT(\(column.name))
                    FROM \(table.name)
                    """).allRows()
                let days = shapes[0][0].numericValue ?? 0, moments = shapes[0][1].numericValue ?? 0, all = shapes[0][2].numericValue ?? 0
                switch declared {
                case .day?: #expect(days == all && all > 0, "\(table.name).\(column.name)")
                case .moment?: #expect(moments == all && all > 0, "\(table.name).\(column.name)")
                case nil: #expect(days == 0 && moments == 0, "\(table.name).\(column.name) holds dates but is not declared")
                }
            }
        }
    }

    @Test(
        "A column name holds moments only when every table with that name says so",
        arguments: [("signup_at", true), ("started_at", true), ("STARTED_AT", true), ("spend_date", false), ("as_of", false), ("channel", false)])
    func moments(column: String, holdsMoments: Bool) {
        #expect(ShopSchema.tablesHoldingMoments(column: column).isEmpty != holdsMoments)
    }
}
