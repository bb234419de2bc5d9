/// RFC 4180 CSV, written and read in one place: the `run`/`shell` result format, `dataset export`,
/// the gradebook, and the grade command's roster.
///
/// Writing: a record per line ending in CRLF, fields separated by commas; a field is quoted when it
/// holds a comma, a quote, a CR or an LF (looked at byte by byte, so a CR LF pair inside a value
/// counts too), with its quotes doubled. Callers decide how a NULL reads (an empty field).
public enum CSV {
    /// One record: the fields, quoted where needed, joined by commas, with a CRLF at the end.
    public static func line(_ fields: [String]) -> String {
        var out: [UInt8] = []
        appendLine(fields, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One field, quoted if it holds a comma, a quote or a line-break character.
    public static func field(_ field: String) -> String {
        var out: [UInt8] = []
        appendField(field, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``line(_:)`` as UTF-8 bytes appended to `out`, for writers of large files.
    public static func appendLine(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendField(field, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    static func appendField(_ field: String, to out: inout [UInt8]) {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: field.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Reads CSV text into records: fields separated by commas, records by CRLF, CR or LF, quoted
    /// fields with doubled quotes. Lenient, as a reader of hand-edited files should be: a quote
    /// inside an unquoted field is kept, and text after a closing quote joins the field.
    /// (A few lines here rather than a CSV dependency: the roster is the only CSV sqlprep reads.)
    public static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar?
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let d = next() {
                        if d == "\"" { field.unicodeScalars.append(d) } else { quoted = false; pending = d }
                    } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", let d = next(), d != "\n" { pending = d }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
