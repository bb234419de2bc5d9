@testable import SQLPrepSandbox
import Testing

/// One input and how the scanner must read it: each span as its kind and its text, with `…` after
/// the text of a span that never closes.
struct ScanCase: CustomTestStringConvertible, Sendable {
    let name: String
    let sql: String
    let spans: [String]
    var testDescription: String { name }
}

@Suite("Sandbox: one SQL scanner, with SQLite's quoting rules")
struct SQLScannerTests {
    static let cases: [ScanCase] = [
        ScanCase(name: "plain code is one span", sql: "SELECT 1;", spans: ["code SELECT 1;"]),
        ScanCase(name: "a line comment stops before the line break",
                 sql: "SELECT 1 -- one\nFROM t", spans: ["code SELECT 1 ", "line -- one", "code \nFROM t"]),
        ScanCase(name: "a line comment may end the text", sql: "--", spans: ["line --"]),
        ScanCase(name: "a block comment", sql: "a/* b */c", spans: ["code a", "block /* b */", "code c"]),
        ScanCase(name: "the empty block comment /**/ closes", sql: "/**/x", spans: ["block /**/", "code x"]),
        ScanCase(name: "/*/ does not close a block comment", sql: "/*/ x", spans: ["block /*/ x…"]),
        ScanCase(name: "block comments do not nest", sql: "/* a /* b */ c */",
                 spans: ["block /* a /* b */", "code  c */"]),
        ScanCase(name: "an unterminated block comment runs to the end", sql: "SELECT 1 /* never", spans: ["code SELECT 1 ", "block /* never…"]),
        ScanCase(name: "a block comment ending the text is a comment being written", sql: "1/*", spans: ["code 1", "block /*…"]),
        ScanCase(name: "quotes inside a line comment start nothing", sql: "-- it's \"x\" [y `z\n'a'",
                 spans: ["line -- it's \"x\" [y `z", "code \n", "string 'a'"]),
        ScanCase(name: "quotes inside a block comment start nothing", sql: "/* ' \" ` [ */;", spans: ["block /* ' \" ` [ */", "code ;"]),
        ScanCase(name: "comment markers inside a string are data", sql: "'--' || '/*'", spans: ["string '--'", "code  || ", "string '/*'"]),
        ScanCase(name: "comment markers inside quoted identifiers are names",
                 sql: "\"a--b\" `c/*d` [e--f]", spans: ["ident \"a--b\"", "code  ", "ident `c/*d`", "code  ", "ident [e--f]"]),
        ScanCase(name: "a doubled quote stays inside a string", sql: "'it''s';", spans: ["string 'it''s'", "code ;"]),
        ScanCase(name: "a doubled double quote stays inside an identifier", sql: "\"a\"\"b\";", spans: ["ident \"a\"\"b\"", "code ;"]),
        ScanCase(name: "a doubled backtick stays inside an identifier", sql: "`a``b`;", spans: ["ident `a``b`", "code ;"]),
        ScanCase(name: "brackets have no escape: [a]] is [a] and a stray ]", sql: "[a]]b]", spans: ["ident [a]", "code ]b]"]),
        ScanCase(name: "an empty string is closed", sql: "''", spans: ["string ''"]),
        ScanCase(name: "an unterminated string runs to the end", sql: "SELECT 'open; -- x", spans: ["code SELECT ", "string 'open; -- x…"]),
        ScanCase(name: "an unterminated identifier runs to the end", sql: "SELECT \"open", spans: ["code SELECT ", "ident \"open…"]),
        ScanCase(name: "an unterminated bracket runs to the end", sql: "[open", spans: ["ident [open…"]),
        ScanCase(name: "a string ending in a lone doubled quote is unterminated", sql: "'a''", spans: ["string 'a''…"]),
        ScanCase(name: "semicolons inside each quote kind and comment are not code",
                 sql: "';' \";\" `;` [;] /*;*/ --;\n;",
                 spans: ["string ';'", "code  ", "ident \";\"", "code  ", "ident `;`", "code  ", "ident [;]", "code  ",
                         "block /*;*/", "code  ", "line --;", "code \n;"]),
        ScanCase(name: "a single dash or slash is code", sql: "1-2/3*4", spans: ["code 1-2/3*4"]),
        ScanCase(name: "a blob literal's quotes are a string", sql: "x'00ff'", spans: ["code x", "string '00ff'"]),
        ScanCase(name: "non-ASCII text is scanned by bytes", sql: "'é—' -- ü\n“x”", spans: ["string 'é—'", "code  ", "line -- ü", "code \n“x”"]),
    ]

    @Test("Spans, kinds and closure", arguments: cases)
    func spans(_ case: ScanCase) {
        let bytes = Array(`case`.sql.utf8)
        let described = SQLScanner(bytes).map { span in
            let kind = switch span.kind {
            case .code: "code"
            case .lineComment: "line"
            case .blockComment: "block"
            case .stringLiteral: "string"
            case .quotedIdentifier: "ident"
            }
            return "\(kind) \(String(decoding: bytes[span.range], as: UTF8.self))\(span.isClosed ? "" : "…")"
        }
        #expect(described == `case`.spans)
    }

    @Test("The spans cover the text exactly, in order", arguments: cases.map(\.sql))
    func coverage(sql: String) {
        let ranges = SQLScanner(sql).map(\.range)
        #expect(ranges.first?.lowerBound ?? 0 == 0)
        #expect(ranges.last?.upperBound ?? 0 == sql.utf8.count)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
    }

    @Test(
        "The first token skips whitespace, semicolons and comments, never quotes",
        arguments: [
            ("", nil), (" ;\n\t;", nil), ("-- a\n/* b */ ;", nil), ("/* never closed", nil), ("\u{0B}", 0),
            ("  SELECT", 2), ("-- a\n'x'", 5), ("/* ; */ \"x\"", 8), (";[x]", 1), ("--x\n--y", nil),
        ] as [(String, Int?)])
    func firstToken(sql: String, index: Int?) {
        #expect(SQLScanner.firstToken(in: Array(sql.utf8)) == index)
    }

    @Test(
        "The shell splits at the first semicolon that is code",
        arguments: [
            ("SELECT ';' AS a;\n", ["SELECT ';' AS a"], false),
            ("SELECT \"x;y\", `p;q`, [r;s] FROM t; SELECT 2;\n", ["SELECT \"x;y\", `p;q`, [r;s] FROM t", "SELECT 2"], false),
            ("SELECT 1 -- no end;\n", [], true),
            ("SELECT 1 /* ; */\n", [], true),
            ("SELECT 'it''s;\n", [], true),
            ("/* open\n", [], false),
            ("-- only a comment\n", [], false),
            ("SELECT 'é';SELECT 2;\n", ["SELECT 'é'", "SELECT 2"], false),
        ] as [(String, [String], Bool)])
    func splitter(input: String, statements: [String], pending: Bool) {
        var splitter = StatementSplitter()
        var done: [String] = []
        for line in input.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            done += splitter.add(line: String(line))
        }
        #expect(done == statements)
        #expect(splitter.hasPending == pending)
    }

    @Test("A block comment opened on one shell line continues on the next")
    func splitterCarriesComments() {
        var splitter = StatementSplitter()
        #expect(splitter.add(line: "/* a comment;").isEmpty)
        #expect(splitter.add(line: "still; */ SELECT 1;") == ["/* a comment;\nstill; */ SELECT 1"])
        #expect(!splitter.hasPending)
    }
}
