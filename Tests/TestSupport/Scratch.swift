import Foundation

/// Where tests write: one folder per test process, removed when the process exits, so a failed or
/// interrupted test leaves nothing behind for the next run to trip over. (SwiftPM runs every test
/// target in one process on Linux, so they all share it.)
public enum Scratch {
    /// `<temporary folder>/sqlprep-tests-<pid>`.
    public static let root: String = {
        let path = NSTemporaryDirectory() + "sqlprep-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
        return path
    }()

    /// A fresh, empty folder under ``root``.
    public static func folder() throws -> String {
        let path = root + "/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
