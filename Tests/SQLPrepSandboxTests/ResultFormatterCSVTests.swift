import SQLiteKit
import SQLPrepSandbox
import Testing

/// `--format csv` quotes a value by its bytes (``CSV``), so a CR LF pair inside a value, one
/// Character in Swift, is quoted too and the record stays one record.
struct ResultFormatterCSVTests {
    @Test(arguments: [
        (Value.text("a\r\nb"), "x\r\n\"a\r\nb\"\r\n"),
        (Value.text("q\"uote"), "x\r\n\"q\"\"uote\"\r\n"),
        (Value.text("c,d"), "x\r\n\"c,d\"\r\n"),
        (Value.null, "x\r\n\r\n"),
        (Value.integer(7), "x\r\n7\r\n"),
    ])
    func quoting(_ value: Value, _ expected: String) {
        #expect(ResultFormatter.csv(columns: ["x"], rows: [[value]]) == expected)
    }
}
