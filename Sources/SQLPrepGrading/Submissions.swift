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
        /// Set when the file was found under a near-miss name (another case, `_` for `-`, one folder
        /// down) and graded anyway: what the learner and the instructor read about it.
        public var note: String? = nil
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

    /// Scans `folder`. A file whose name is a near miss of an exercise's (`CPO_by_Channel.SQL` for
    /// `cpo-by-channel.sql`), or that sits one folder down (`week3/cpo-by-channel.sql`, as zip and
    /// repository uploads deliver it), is graded with a note, or, with `strictNames`, refused with one.
    public static func scan(folder: String, exerciseIDs: Set<String>, strictNames: Bool = false) throws -> Submissions {
        try scanFolders(folder, exerciseIDs: exerciseIDs, strictNames: strictNames, followTopLevel: false)
    }

    /// The exercise id a near-miss file name stands for: lower-cased, `_` and spaces read as `-`,
    /// the `.sql` extension in any case. Nil when the name does not end in `.sql`.
    public static func nearMissID(_ name: String) -> String? {
        guard name.lowercased().hasSuffix(".sql"), name.count > 4 else { return nil }
        return String(name.dropLast(4)).lowercased().map { $0 == "_" || $0 == " " ? "-" : String($0) }.joined()
    }

    static func scanFolders(_ folder: String, exerciseIDs: Set<String>, strictNames: Bool = false, followTopLevel: Bool) throws -> Submissions {
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
            // The learner's entries, and those one folder down (never further, never through a link).
            var entries: [(name: String, path: String, nested: Bool)] = []
            for entry in ((try? manager.contentsOfDirectory(atPath: path).sorted()) ?? []) where !entry.hasPrefix(".") {
                let entryPath = path + "/" + entry
                if fileType(entryPath) == .typeDirectory && !entry.lowercased().hasSuffix(".sql") {
                    let inner = (try? manager.contentsOfDirectory(atPath: entryPath).sorted()) ?? []
                    for nested in inner where !nested.hasPrefix(".") { entries.append((nested, entryPath + "/" + nested, true)) }
                    if inner.filter({ !$0.hasPrefix(".") }).isEmpty { unmatched.append((relative(entryPath), "an empty folder")) }
                    continue
                }
                entries.append((entry, entryPath, false))
            }
            // Exact names first, then near misses; one file per exercise.
            var chosen: [String: String] = [:]
            let ordered = entries.filter { !$0.nested && $0.name.hasSuffix(".sql") && exerciseIDs.contains(String($0.name.dropLast(4))) }
                + entries.filter { $0.nested || !($0.name.hasSuffix(".sql") && exerciseIDs.contains(String($0.name.dropLast(4)))) }
            for entry in ordered {
                let filePath = entry.path
                let exact = !entry.nested && entry.name.hasSuffix(".sql") && exerciseIDs.contains(String(entry.name.dropLast(4)))
                guard let id = exact ? String(entry.name.dropLast(4)) : nearMissID(entry.name) else {
                    unmatched.append((relative(filePath), "not a .sql file"))
                    continue
                }
                guard exerciseIDs.contains(id) else {
                    unmatched.append((relative(filePath), "matches no exercise of the assignment"))
                    continue
                }
                if let first = chosen[id] {
                    unmatched.append((relative(filePath), "another file for \(id) was graded: \(first)"))
                    continue
                }
                chosen[id] = relative(filePath)
                var note: String?
                if !exact {
                    let shown = String(relative(filePath).drop { $0 != "/" }.dropFirst())
                    if strictNames {
                        let problem = "the file \(shown) looks meant for \(id) but is not named \(id).sql, and this assignment grades only exact names"
                        unmatched.append((relative(filePath), "named like \(id).sql but not exactly; not graded (strict_names)"))
                        files.append(File(learner: name, exerciseID: id, path: filePath, problem: problem, bytes: []))
                        continue
                    }
                    note = "Graded \(shown) as \(id).sql; name the file \(id).sql, directly in your submission folder, next time."
                }
                switch fileType(filePath) {
                case .typeSymbolicLink?:
                    files.append(File(learner: name, exerciseID: id, path: filePath, problem: "the file is a symbolic link; sqlprep does not follow links", bytes: []))
                case .typeDirectory?:
                    files.append(File(learner: name, exerciseID: id, path: filePath, problem: "a folder where a query file was expected", bytes: []))
                case .typeRegular?:
                    if let bytes = readPrefix(filePath, limit: readLimit + 1) {
                        files.append(File(learner: name, exerciseID: id, path: filePath, problem: nil, bytes: bytes, note: note))
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

    /// The exercises of `course` that the files in `folder` are meant for (exact or near-miss names),
    /// in the course's order: what `grade` grades when no assignment is given.
    public static func exercisesFound(_ submissions: Submissions, in order: [String]) -> [String] {
        let found = Set(submissions.files.map(\.exerciseID))
        return order.filter(found.contains)
    }

    /// One learner's submission laid out flat, as Gradescope delivers it: `FOLDER/<exercise-id>.sql`.
    public static func scanSingle(folder: String, learner: String, exerciseIDs: Set<String>, strictNames: Bool = false) throws -> Submissions {
        let parent = NSTemporaryDirectory() + "sqlprep-gradescope-\(getpid())"
        try? FileManager.default.removeItem(atPath: parent)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        // A link named after the learner lets the ordinary scan read the folder; the scan itself
        // still refuses links inside it.
        try FileManager.default.createSymbolicLink(atPath: parent + "/" + learner, withDestinationPath: URL(fileURLWithPath: folder).standardizedFileURL.path)
        return try scanFolders(parent, exerciseIDs: exerciseIDs, strictNames: strictNames, followTopLevel: true)
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
