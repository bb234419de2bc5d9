import Foundation
import SQLPrepData
import SQLiteKit
import SQLPrepSandbox

/// The stored form of a reference result: a header, then one line per row with typed values
/// (integers as written, reals to 15 significant digits, text in single quotes, NULL, x'…' blobs).
public enum ExpectedResult {
    public static func render(_ result: QueryResult, exercise: Exercise) -> String {
        var out = "# exercise: \(exercise.id)\n"
        out += "# dataset: shop, seed \(exercise.dataset.seed), scale \(exercise.dataset.scale)\n"
        out += "# order: \(exercise.contract.isOrdered ? exercise.contract.orderDescription : "any")\n"
        out += "# rows: \(result.rows.count)\n"
        out += result.columns.joined(separator: " | ") + "\n"
        for row in result.rows {
            out += row.map(literal).joined(separator: " | ") + "\n"
        }
        return out
    }

    static func literal(_ value: Value) -> String {
        switch value {
        case .text(let text): "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        default: value.description
        }
    }
}
