/// One SQLite value, mirroring the five storage classes.
///
/// Equality is deliberately strict and structural: `.integer(3) != .real(3.0)` and text compares
/// by its UTF-8 bytes. Comparing *results* by meaning (3 = 3.0, tolerances) is the job of the
/// result comparison in `SQLPrepExercises`, where the rules are documented; this type only says
/// what SQLite returned.
///
/// See <https://www.sqlite.org/datatype3.html>.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.integer(a), .integer(b)): return a == b
        case let (.real(a), .real(b)): return a.bitPattern == b.bitPattern || a == b
        case let (.text(a), .text(b)): return a.utf8.elementsEqual(b.utf8)
        case let (.blob(a), .blob(b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .integer(let v): hasher.combine(1); hasher.combine(v)
        case .real(let v): hasher.combine(2); hasher.combine(v == 0 ? 0 : v)
        case .text(let v): hasher.combine(3); for b in v.utf8 { hasher.combine(b) }
        case .blob(let v): hasher.combine(4); hasher.combine(v)
        }
    }

    /// The storage class name SQLite's `typeof()` would print.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The value as a number when it is stored as one (integer or real), else nil.
    public var numericValue: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .real(let v): v
        default: nil
        }
    }

    /// Text the way the sqlite3 shell prints it: reals with up to 15 significant digits
    /// (so 0.1 + 0.2 shows as 0.3), blobs as hex, NULL as the word NULL.
    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let v): String(v)
        case .real(let v): Value.format(real: v)
        case .text(let v): v
        case .blob(let v): "x'" + v.map { hexDigits($0) }.joined() + "'"
        }
    }

    /// Formats a real like SQLite's `%!.15g`: the shortest of up to 15 significant digits,
    /// always with a decimal point for whole numbers (`3.0`).
    public static func format(real v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "Inf" }
        var text = String(format15g: v)
        if !text.contains(".") && !text.contains("e") && !text.contains("n") && !text.contains("I") {
            text += ".0"
        }
        return text
    }
}

private func hexDigits(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}

extension String {
    /// `%.15g`, written without Foundation's `String(format:)` so that output does not depend on locale.
    init(format15g v: Double) {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBufferPointer { ptr in
            withVaList([v]) { vsnprintf(ptr.baseAddress, 64, "%.15g", $0) }
        }
        self = String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
