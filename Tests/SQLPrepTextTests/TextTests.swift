import SQLPrepText
import Testing

/// The one CSV writer: RFC 4180 quoting, decided byte by byte.
struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("with,comma", "\"with,comma\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("crlf\r\npair", "\"crlf\r\npair\""),  // one Character in Swift, still two line-break bytes
        (",\u{301}", "\",\u{301}\""),  // a comma with a combining mark is still a comma
        ("tab\tand 'single'", "tab\tand 'single'"),
        ("é ü 日本", "é ü 日本"),
        ("  spaces  ", "  spaces  "),
    ])
    func field(_ input: String, _ expected: String) {
        #expect(CSV.field(input) == expected)
    }

    @Test(arguments: [
        ([String](), "\r\n"),
        ([""], "\r\n"),
        (["a", ""], "a,\r\n"),
        (["a", "b,c", "d\"e"], "a,\"b,c\",\"d\"\"e\"\r\n"),
    ])
    func line(_ fields: [String], _ expected: String) {
        #expect(CSV.line(fields) == expected)
        var bytes: [UInt8] = []
        CSV.appendLine(fields, to: &bytes)
        #expect(bytes == Array(expected.utf8))
    }

    @Test(arguments: [
        ["plain", "with,comma", "say \"hi\"", "two\nlines", "crlf\r\nx", "", "é"],
        ["id", "name", "email"],
    ])
    func readsWhatItWrites(_ fields: [String]) {
        #expect(CSV.parse(CSV.line(fields)) == [fields])
    }

    @Test(arguments: [
        ("id,name\nada,Ada\n", [["id", "name"], ["ada", "Ada"]]),
        ("id,name\r\nada,Ada", [["id", "name"], ["ada", "Ada"]]),
        ("a\rb", [["a"], ["b"]]),
        ("\"x,y\",\"q\"\"q\"\n", [["x,y", "q\"q"]]),
        ("a\"b,c\n", [["a\"b", "c"]]),
        ("", []),
    ])
    func reader(_ text: String, _ expected: [[String]]) {
        #expect(CSV.parse(text) == expected)
    }
}

/// The one JSON string escaper of the hand-built emitters.
struct JSONTextTests {
    @Test(arguments: [
        ("plain", "\"plain\""),
        ("", "\"\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("a/b", "\"a/b\""),  // slashes stay as they are
        ("n\nr\rt\t", "\"n\\nr\\rt\\t\""),
        ("\u{0}\u{1}\u{8}\u{C}\u{1F}", "\"\\u0000\\u0001\\u0008\\u000c\\u001f\""),
        ("\u{7F}", "\"\u{7F}\""),
        ("é 日本 \u{2028}", "\"é 日本 \u{2028}\""),
        ("\r\n", "\"\\r\\n\""),
    ])
    func string(_ input: String, _ expected: String) {
        #expect(JSONText.string(input) == expected)
    }

    @Test func objectKeepsFieldOrder() {
        #expect(JSONText.object([("b", "1"), ("a", JSONText.string("x")), ("c", "null")]) == "{\"b\":1,\"a\":\"x\",\"c\":null}")
        #expect(JSONText.object([]) == "{}")
        #expect(JSONText.array(["1", "\"a\""]) == "[1,\"a\"]")
        #expect(JSONText.array([]) == "[]")
    }
}

/// The one ANSI styler: SGR codes with colour on, the text unchanged with colour off.
struct TextStyleTests {
    static let cases: [(String, @Sendable (TextStyle, String) -> String, String)] = [
        ("bold", { $0.bold($1) }, "1"),
        ("dim", { $0.dim($1) }, "2"),
        ("red", { $0.red($1) }, "31"),
        ("green", { $0.green($1) }, "32"),
        ("yellow", { $0.yellow($1) }, "33"),
    ]

    @Test(arguments: cases.indices, [true, false])
    func style(_ index: Int, _ color: Bool) {
        let (_, apply, code) = Self.cases[index]
        let styled = apply(TextStyle(color: color), "x y")
        #expect(styled == (color ? "\u{1B}[\(code)mx y\u{1B}[0m" : "x y"))
    }

    @Test func nested() {
        let style = TextStyle(color: true)
        #expect(style.green(style.bold("ok")) == "\u{1B}[32m\u{1B}[1mok\u{1B}[0m\u{1B}[0m")
        #expect(TextStyle(color: false).green(TextStyle(color: false).bold("ok")) == "ok")
    }
}

struct WordingTests {
    @Test(arguments: [(0, "s"), (1, ""), (2, "s"), (-1, "s")])
    func plural(_ count: Int, _ suffix: String) {
        #expect(Wording.plural(count) == suffix)
    }

    @Test(arguments: [
        ("a", "  a"),
        ("a\nb", "  a\n  b"),
        ("a\n\nb\n", "  a\n  \n  b\n  "),
        ("", "  "),
    ])
    func indent(_ text: String, _ expected: String) {
        #expect(Wording.indent(text) == expected)
    }
}
