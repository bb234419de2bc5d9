import Foundation

/// The class's submissions: `SUBMISSIONS/<learner>/<exercise-id>.sql`, one folder per learner.
///
/// Nothing is followed or trusted: symbolic links are reported and not read, a folder where a
/// file was expected is reported, files are read up to a size cap (the rest would be refused by
/// the sandbox anyway), and files that match no exercise of the assignment are listed, not ignored.
public struct Submissions: Sendable {
    public struct File: Sendable, Hashable {
        public let learner: String
        public let exerciseID: String
        public let path: String
        /// Why the file cannot be graded (a link, a folder, unreadable), or nil.
        public let problem: String?
        /// The bytes, read up to ``Submissions/readLimit`` + 1.
        public let bytes: [UInt8]
    }

    /// Bytes read of one file; anything longer is refused by the sandbox's size check.
    public static let readLimit = 1 << 20

    public let learners: [String]
    public let files: [File]
    /// Paths that match no exercise of the assignment (or are not `.sql`), with why.
    public let unmatched: [(path: String, reason: String)]

    public static func isSafeLearnerID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 128 && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-@+".unicodeScalars.contains($0) }
    }

    public static func scan(folder: String, exerciseIDs: Set<String>) throws -> Submissions {
        try scanFolders(folder, exerciseIDs: exerciseIDs, followTopLevel: false)
    }

    static func scanFolders(_ folder: String, exerciseIDs: Set<String>, followTopLevel: Bool) throws -> Submissions {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GradingError.badInput(file: folder, problems: ["is not a folder; expected SUBMISSIONS/<learner>/<exercise-id>.sql"])
        }
        var learners: [String] = []
        var files: [File] = []
        var unmatched: [(String, String)] = []
        // Paths in reports are relative to the submissions folder, so that outputs do not depend on where it lives.
        func relative(_ path: String) -> String { String(path.dropFirst(folder.count + 1)) }
        for name in try manager.contentsOfDirectory(atPath: folder).sorted() {
            let path = folder + "/" + name
            if name.hasPrefix(".") { continue }
            guard var type = fileType(path) else { continue }
            if followTopLevel && type == .typeSymbolicLink { type = .typeDirectory }
            guard type == .typeDirectory else {
                unmatched.append((relative(path), type == .typeSymbolicLink ? "a symbolic link (not followed)" : "a file outside any learner folder"))
                continue
            }
            guard isSafeLearnerID(name) else {
                unmatched.append((relative(path), "not a usable learner id (letters, digits, . _ - @)"))
                continue
            }
            learners.append(name)
            let entries = (try? manager.contentsOfDirectory(atPath: path).sorted()) ?? []
            for entry in entries where !entry.hasPrefix(".") {
                let filePath = path + "/" + entry
                guard entry.hasSuffix(".sql") else {
                    unmatched.append((relative(filePath), "not a .sql file"))
                    continue
                }
                let id = String(entry.dropLast(4))
                guard exerciseIDs.contains(id) else {
                    unmatched.append((relative(filePath), "matches no exercise of the assignment"))
                    continue
                }
                switch fileType(filePath) {
                case .typeSymbolicLink?:
                    files.append(File(learner: name, exerciseID: id, path: filePath, problem: "the file is a symbolic link; sqlprep does not follow links", bytes: []))
                case .typeDirectory?:
                    files.append(File(learner: name, exerciseID: id, path: filePath, problem: "a folder where a query file was expected", bytes: []))
                case .typeRegular?:
                    if let bytes = readPrefix(filePath, limit: readLimit + 1) {
                        files.append(File(learner: name, exerciseID: id, path: filePath, problem: nil, bytes: bytes))
                    } else {
                        files.append(File(learner: name, exerciseID: id, path: filePath, problem: "the file cannot be read (permissions?)", bytes: []))
                    }
                default:
                    files.append(File(learner: name, exerciseID: id, path: filePath, problem: "not a regular file", bytes: []))
                }
            }
        }
        return Submissions(learners: learners, files: files, unmatched: unmatched)
    }

    /// One learner's submission laid out flat, as Gradescope delivers it: `FOLDER/<exercise-id>.sql`.
    public static func scanSingle(folder: String, learner: String, exerciseIDs: Set<String>) throws -> Submissions {
        let parent = NSTemporaryDirectory() + "sqlprep-gradescope-\(getpid())"
        try? FileManager.default.removeItem(atPath: parent)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        // A link named after the learner lets the ordinary scan read the folder; the scan itself
        // still refuses links inside it.
        try FileManager.default.createSymbolicLink(atPath: parent + "/" + learner, withDestinationPath: URL(fileURLWithPath: folder).standardizedFileURL.path)
        return try scanFolders(parent, exerciseIDs: exerciseIDs, followTopLevel: true)
    }

    /// The type of the entry itself (a link is reported as a link, not as what it points to).
    static func fileType(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    static func readPrefix(_ path: String, limit: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit) else { return nil }
        return Array(data)
    }
}
