import SQLiteKit

/// Builds databases that hold exactly some rows of a dataset: the schema, those rows and the
/// indexes, serialized for a sandbox. Pull in the parents first (``DatasetRows/withParents(_:among:)``)
/// to keep the database consistent.
///
/// Reads the rows through its own connection to the image, so each thread needs its own builder;
/// the ``DatasetRows`` it reads are shared.
public struct SubsetBuilder {
    public let rows: DatasetRows
    private let source: Connection

    public init(_ rows: DatasetRows) throws {
        self.rows = rows
        source = try Connection.inMemory()
        try source.attachReadOnly(rows.image)
    }

    /// A new database with the schema, just `subset` and the schema's indexes (no `ANALYZE`).
    public func database(of subset: Set<RowRef>) throws -> DatabaseImage {
        let candidate = try Connection.inMemory()
        try candidate.execute("PRAGMA journal_mode = OFF")
        for table in ShopSchema.tables { try candidate.execute(table.createStatement) }
        try candidate.execute("BEGIN")
        var byTable: [Int: [Int64]] = [:]
        for row in subset { byTable[row.table, default: []].append(row.rowid) }
        for (table, ids) in byTable.sorted(by: { $0.key < $1.key }) {
            let select = try selection(of: table, rowids: ids)
            let columns = select.columnCount
            let insert = try candidate.prepare("INSERT INTO \(rows.tables[table]) VALUES (\(Array(repeating: "?", count: columns).joined(separator: ", ")))")
            try select.step { row in
                try insert.bind(row.values)
                try insert.stepDone()
                return true
            }
        }
        try candidate.execute("COMMIT")
        for table in ShopSchema.tables {
            for statement in table.indexStatements { try candidate.execute(statement) }
        }
        return try candidate.serialize()
    }

    /// The column names and values of the rows of `table` in `subset`, in rowid order.
    public func values(of table: Int, in subset: Set<RowRef>) throws -> (columns: [String], rows: [[Value]]) {
        let statement = try selection(of: table, rowids: subset.filter { $0.table == table }.map(\.rowid))
        return (statement.columnNames, try statement.allRows())
    }

    /// `SELECT *` of the given rows of `table`, in rowid order, ready to step.
    private func selection(of table: Int, rowids: [Int64]) throws -> Statement {
        let select = try source.prepare("SELECT * FROM \(rows.tables[table]) WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid")
        try select.bind([.text("[" + rowids.sorted().map(String.init).joined(separator: ",") + "]")])
        return select
    }
}

extension ShopDataset {
    /// A database of the schema holding just `tables`' rows (no indexes): to check, by itself, an
    /// example cut from the data.
    public static func database(holding tables: [(name: String, rows: [[Value]])]) throws -> DatabaseImage {
        let db = try Connection.inMemory()
        for table in ShopSchema.tables { try db.execute(table.createStatement) }
        for table in tables {
            guard let width = table.rows.first?.count else { continue }  // an empty table is already there
            let insert = try db.prepare("INSERT INTO \(table.name) VALUES (\(Array(repeating: "?", count: width).joined(separator: ", ")))")
            for row in table.rows {
                try insert.bind(row)
                try insert.stepDone()
            }
        }
        return try db.serialize()
    }
}
