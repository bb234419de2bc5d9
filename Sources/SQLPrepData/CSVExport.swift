import Foundation
import SQLiteKit
import SQLPrepText

/// Writes a table as CSV: a header row, RFC 4180 quoting (CRLF line ends, quotes doubled,
/// fields with a comma, quote or line break quoted), NULL as an empty field.
public enum CSVExport {
    /// Writes `table` to `path` atomically and returns the number of data rows.
    @discardableResult
    public static func write(table: TableSchema, from db: Connection, to path: String) throws -> Int {
        var out = [UInt8]()
        out.reserveCapacity(1 << 20)
        CSV.appendLine(table.columns.map(\.name), to: &out)
        var count = 0
        let order = table.columns.map(\.name).joined(separator: ", ")
        try db.prepare("SELECT * FROM \(table.name) ORDER BY \(order)").step { row in
            CSV.appendLine((0..<row.count).map { row[$0].isNull ? "" : row[$0].description }, to: &out)
            count += 1
            return true
        }
        let image = DatabaseImage(out)
        guard image.write(atomicallyTo: path) else {
            throw SQLiteError(code: 10, message: "cannot write \(path)")
        }
        return count
    }
}
