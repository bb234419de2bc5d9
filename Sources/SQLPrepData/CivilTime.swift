/// Calendar arithmetic for UTC timestamps, without Foundation (whose calendars depend on the
/// machine's settings). Days are counted from 1970-01-01 (Howard Hinnant's civil-from-days).
public enum CivilTime {
    /// Days since 1970-01-01 for a proleptic Gregorian date.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// (year, month, day) for days since 1970-01-01.
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Monday … 6 = Sunday.
    public static func weekday(days: Int) -> Int {
        ((days % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday (3).
    }

    /// Writes `YYYY-MM-DD HH:MM:SS` (19 bytes) for `seconds` since the epoch into `out`.
    @inline(__always)
    public static func writeTimestamp(_ seconds: Int64, into out: UnsafeMutableRawPointer) {
        writeDate(days: Int(seconds / 86_400), into: out)
        writeTime(Int(seconds % 86_400), into: out)
    }

    /// Writes ` HH:MM:SS` at bytes 10–18 of `out`, for `rest` seconds into the day.
    @inline(__always)
    public static func writeTime(_ rest: Int, into out: UnsafeMutableRawPointer) {
        out.storeBytes(of: UInt8(ascii: " "), toByteOffset: 10, as: UInt8.self)
        write2(rest / 3600, out + 11)
        out.storeBytes(of: UInt8(ascii: ":"), toByteOffset: 13, as: UInt8.self)
        write2(rest / 60 % 60, out + 14)
        out.storeBytes(of: UInt8(ascii: ":"), toByteOffset: 16, as: UInt8.self)
        write2(rest % 60, out + 17)
    }

    /// Writes `YYYY-MM-DD` (10 bytes).
    @inline(__always)
    public static func writeDate(days: Int, into out: UnsafeMutableRawPointer) {
        let (y, m, d) = date(days: days)
        write2(y / 100, out)
        write2(y % 100, out + 2)
        out.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 4, as: UInt8.self)
        write2(m, out + 5)
        out.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 7, as: UInt8.self)
        write2(d, out + 8)
    }

    @inline(__always)
    private static func write2(_ value: Int, _ out: UnsafeMutableRawPointer) {
        out.storeBytes(of: UInt8(48 + value / 10), toByteOffset: 0, as: UInt8.self)
        out.storeBytes(of: UInt8(48 + value % 10), toByteOffset: 1, as: UInt8.self)
    }

    /// `YYYY-MM-DD` as a String (for messages and tests).
    public static func dateString(days: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: 10)
        bytes.withUnsafeMutableBytes { writeDate(days: days, into: $0.baseAddress!) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DD HH:MM:SS` as a String.
    public static func timestampString(seconds: Int64) -> String {
        var bytes = [UInt8](repeating: 0, count: 19)
        bytes.withUnsafeMutableBytes { writeTimestamp(seconds, into: $0.baseAddress!) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
