import Foundation

/// The clock texts the learner sees: `stamp()` names progress backups (UTC, sortable); watch adds
/// the local time of its last check (Watch.swift).
enum ProgressStoreClock {
    /// `20250102-134501`, in UTC.
    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date())
    }
}
