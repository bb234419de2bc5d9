import SQLiteKit

/// A problem with the workspace or its progress store, with what happened and what to do.
/// The CLI prints ``message`` as one line and exits with ``exitCode``.
public enum WorkspaceError: Error, Sendable, CustomStringConvertible {
    case noStore(String)
    case newerStore(String, version: Int)
    case corruptStore(String, detail: String)
    case unreadable(String)
    case readOnly(String)
    case diskFull(String)
    case busy(String)
    case badImport(String, detail: String)
    case other(String, detail: String)

    public var description: String {
        switch self {
        case .noStore(let path):
            "No progress store at \(path). Run sqlprep init (or sqlprep next) in your workspace folder."
        case .newerStore(let path, let version):
            "The progress store \(path) was written by a newer sqlprep (format \(version)); this one reads format \(ProgressStore.formatVersion). Upgrade sqlprep; nothing was changed."
        case .corruptStore(let path, let detail):
            "The progress store \(path) is damaged (\(detail)). Nothing was changed. Your answers in answers/ are safe; restore the store from a backup (.sqlprep/backups/), or move it aside to start a new one."
        case .unreadable(let path):
            "Cannot read \(path): check its permissions."
        case .readOnly(let path):
            "Cannot save progress: \(path) is read-only. Make the workspace folder writable (or choose another with --workspace); nothing was recorded."
        case .diskFull(let path):
            "Cannot save progress to \(path): the disk is full. Free some space and submit again; your earlier progress is intact."
        case .busy(let path):
            "The progress store \(path) stayed locked by another sqlprep process for 10 seconds. Close the other process and try again; nothing was lost."
        case .badImport(let path, let detail):
            "Cannot import \(path): \(detail). Nothing was imported."
        case .other(let path, let detail):
            "The progress store \(path) could not be used: \(detail). Nothing was changed."
        }
    }

    /// Maps SQLite's result codes to the messages above.
    static func from(_ error: SQLiteError, path: String) -> WorkspaceError {
        switch error.code {
        case .readOnly: .readOnly(path)
        case .full: .diskFull(path)
        case .busy, .locked: .busy(path)
        case .corrupt, .notADatabase: .corruptStore(path, detail: error.message)
        case .cantOpen: .readOnly(path)  // usually a folder we may not write
        case .ioError: .other(path, detail: "an I/O error (\(error.message)); check the disk")
        default: .other(path, detail: error.message)
        }
    }
}
