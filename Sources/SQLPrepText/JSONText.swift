/// The project's JSON string escaping, for the emitters that build their JSON by hand.
///
/// Why some JSON is still built by hand: `JSONEncoder` cannot give today's bytes for them. Without
/// `.sortedKeys` it writes a keyed container's fields in hash order, not in declaration order
/// (measured with Swift 6.3 on Linux), while sqlprep's documented objects keep their own order
/// (`exercise, status, reason, …`); it escapes U+0008 and U+000C as `\b` and `\f` where sqlprep
/// writes `\u0008` and `\u000c`; and it formats doubles its own way, while result values use
/// SQLite's text for reals and the grade files two decimals.
public enum JSONText {
    /// `text` as a JSON string literal: `"` and `\` escaped, `\n`, `\r`, `\t` by name, other
    /// control characters below U+0020 as `\u00XX` (lower-case hex); everything else as is
    /// (`/` and non-ASCII included).
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A compact object from fields in the given order, each value already JSON text: `{"a":1,"b":"x"}`.
    public static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A compact array of values that are already JSON text: `[1,"x"]`.
    public static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }
}
