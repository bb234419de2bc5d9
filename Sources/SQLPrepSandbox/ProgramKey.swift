import SQLiteKit

/// What identifies a query's computation, so that learners' answers written differently (aliases,
/// keyword case, whitespace, comments, quoting) can share one run: SQLite's compiled program for the
/// statement (`EXPLAIN`: every opcode and operand) plus every literal of its text. On the same
/// dataset, two statements with the same key compute the same rows in the same order; only their
/// column names may differ, and those are taken from each learner's own statement.
///
/// The key is conservative; a statement gets none (and simply runs) when its program cannot vouch
/// for its result:
/// - it calls a function whose result is not a function of the data: `random()`, `randomblob()`,
///   `changes()`, `total_changes()`, `last_insert_rowid()`, `current_date`/`current_time`/`current_timestamp`;
/// - it calls a date/time function with no argument (today), or uses a date/time function along
///   with the text `now` anywhere in its program or literals, or with anything that builds text
///   (`||`, `char()`, `replace()`, `printf()`…), which could spell `now`;
/// - a function name is shown cut short (16 characters), or an operand names a virtual table instance.
/// Literals are operands, but SQLite shows a real number to 16 digits only, so the literals of the
/// text are part of the key as written: `0.1` and `0.10` never share a key. Collations are operands
/// (`k(1,NOCASE)`, `BINARY-8`), so `ORDER BY name` and `ORDER BY name COLLATE NOCASE` differ.
public struct ProgramKey: Sendable, Hashable {
    public let listing: String

    /// Functions whose result does not follow from their arguments and the data.
    static let nonDeterministic: Set<String> = [
        "random", "randomblob", "changes", "total_changes", "last_insert_rowid", "current_date", "current_time", "current_timestamp",
        "sqlite_offset",
    ]
    /// Date and time functions: deterministic unless asked about `now`.
    static let dateTime: Set<String> = ["date", "time", "datetime", "julianday", "strftime", "unixepoch", "timediff"]
    /// Functions that build text from other text (so could build `now`).
    static let textBuilding: Set<String> = [
        "char", "replace", "printf", "format", "lower", "upper", "trim", "ltrim", "rtrim", "substr", "substring", "hex", "unhex",
        "quote", "group_concat", "string_agg", "concat", "concat_ws", "soundex", "unistr", "json_extract", "->>", "->",
    ]
    static let functionOpcodes: Set<String> = ["Function", "PureFunc", "Function0", "PureFunc0", "AggStep", "AggStep1", "AggFinal", "AggInverse", "AggValue"]

    /// The key of `program`, compiled from `statement` (the statement's UTF-8 bytes), or nil when it
    /// cannot be trusted to say what the statement computes.
    public init?(program: [ProgramInstruction], statement: some Collection<UInt8>) {
        let literals = ProgramKey.literals(in: Array(statement))
        var usesDateTime = false, buildsText = false, mentionsNow = literals.contains { $0.lowercased().contains("now") }
        for instruction in program {
            if instruction.opcode == "Concat" { buildsText = true }
            if let p4 = instruction.p4 {
                if p4.hasPrefix("vtab:") { return nil }
                if p4.lowercased().contains("now") { mentionsNow = true }
            }
            guard ProgramKey.functionOpcodes.contains(instruction.opcode), let p4 = instruction.p4 else { continue }
            let name = String(p4.prefix { $0 != "(" }).lowercased()
            if name.count >= 16 || ProgramKey.nonDeterministic.contains(name) { return nil }
            if ProgramKey.dateTime.contains(name) {
                usesDateTime = true
                // No argument registers: the function was called with no argument, which means now.
                if instruction.opcode.hasSuffix("Func") || instruction.opcode == "Function", instruction.p2 == 0 { return nil }
            }
            if ProgramKey.textBuilding.contains(name) { buildsText = true }
        }
        if usesDateTime && (mentionsNow || buildsText) { return nil }
        var text = ""
        for instruction in program {
            text += "\(instruction.opcode) \(instruction.p1) \(instruction.p2) \(instruction.p3) \(instruction.p5)"
            if let p4 = instruction.p4 { text += " \(p4.utf8.count):\(p4)" }
            text += "\n"
        }
        text += "literals"
        for literal in literals { text += " \(literal.utf8.count):\(literal)" }
        listing = text
    }

    /// The literals of the statement's text, in order: string literals (with their quotes, so a blob
    /// `x'…'` keeps its prefix in the code before it) and numbers, as written.
    static func literals(in bytes: [UInt8]) -> [String] {
        var literals: [String] = []
        for span in SQLScanner(bytes) {
            switch span.kind {
            case .stringLiteral:
                literals.append(String(decoding: bytes[span.range], as: UTF8.self))
            case .code:
                var index = span.range.lowerBound
                let end = span.range.upperBound
                func isWord(_ byte: UInt8) -> Bool {
                    byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
                        || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                }
                func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
                while index < end {
                    let byte = bytes[index]
                    let startsNumber = isDigit(byte) || (byte == UInt8(ascii: ".") && index + 1 < end && isDigit(bytes[index + 1]))
                    if startsNumber && (index == span.range.lowerBound || !isWord(bytes[index - 1])) {
                        var stop = index + 1
                        while stop < end {
                            let next = bytes[stop]
                            if isWord(next) || next == UInt8(ascii: ".") {
                                stop += 1
                            } else if (next == UInt8(ascii: "+") || next == UInt8(ascii: "-")), bytes[stop - 1] | 0x20 == UInt8(ascii: "e") {
                                stop += 1
                            } else {
                                break
                            }
                        }
                        literals.append(String(decoding: bytes[index..<stop], as: UTF8.self))
                        index = stop
                    } else if isWord(byte) {
                        while index < end && isWord(bytes[index]) { index += 1 }
                    } else {
                        index += 1
                    }
                }
            case .lineComment, .blockComment, .quotedIdentifier:
                continue
            }
        }
        return literals
    }
}
