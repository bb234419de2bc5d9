import Foundation
import SQLPrepExercises
import SQLPrepText

/// A learner's workspace: a folder with `answers/<id>.sql` (the learner's files) and
/// `.sqlprep/progress.db` (the progress store, owned by ``ProgressStore``).
public struct Workspace: Sendable {
    public let root: String
    /// How ``root`` was chosen, so that messages can say where a workspace would be made.
    public let origin: Origin

    /// How a workspace's folder was chosen.
    public enum Origin: Sendable, Hashable {
        /// Named with `--workspace`, or given by the caller.
        case named
        /// `SQLPREP_WORKSPACE`.
        case environment
        /// Found from the current folder upward: the nearest folder holding `.sqlprep/progress.db`.
        case found
        /// No workspace in the current folder or any above it: the current folder, where `next` or
        /// `init` makes one.
        case currentFolder
    }

    public init(root: String, origin: Origin = .named) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.origin = origin
    }

    /// `--workspace`, else `SQLPREP_WORKSPACE`, else the nearest workspace from `folder` (the current
    /// folder) upward, as git finds `.git`, else `folder` itself.
    public static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        from folder: String = FileManager.default.currentDirectoryPath
    ) -> Workspace {
        if let explicit { return Workspace(root: explicit, origin: .named) }
        if let env = environment["SQLPREP_WORKSPACE"], !env.isEmpty { return Workspace(root: env, origin: .environment) }
        return discover(from: folder) ?? Workspace(root: folder, origin: .currentFolder)
    }

    /// The nearest folder from `folder` upward (`folder` itself included) that holds a progress store.
    public static func discover(from folder: String) -> Workspace? {
        var path = URL(fileURLWithPath: folder).standardizedFileURL.path
        while true {
            let candidate = Workspace(root: path, origin: .found)
            if candidate.exists { return candidate }
            let parent = (path as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == path { return nil }
            path = parent
        }
    }

    public var stateFolder: String { root + "/.sqlprep" }
    public var storePath: String { stateFolder + "/progress.db" }
    public var answersFolder: String { root + "/answers" }
    public var backupsFolder: String { stateFolder + "/backups" }
    /// Review answers being written (`review/<id>.sql`); a checked one moves to ``reviewArchiveFolder``.
    public var reviewFolder: String { root + "/review" }
    public var reviewArchiveFolder: String { stateFolder + "/reviews" }

    public var exists: Bool { FileManager.default.fileExists(atPath: storePath) }

    public func answerPath(for exercise: Exercise) -> String { answersFolder + "/\(exercise.id).sql" }

    public func reviewPath(for exercise: Exercise) -> String { reviewFolder + "/\(exercise.id).sql" }

    /// Writes a fresh review starter for `exercise` unless the learner has a review answer in
    /// progress there. Returns true when it wrote one.
    @discardableResult
    public func writeReviewStarter(for exercise: Exercise) throws -> Bool {
        try Workspace.createIfAbsent(reviewPath(for: exercise), in: reviewFolder, text: Workspace.starter(for: exercise, check: "sqlprep review --check"))
    }

    /// True when the review file still holds only the starter's comments.
    public func reviewIsUntouched(_ exercise: Exercise) -> Bool {
        guard let text = try? String(contentsOfFile: reviewPath(for: exercise), encoding: .utf8) else { return true }
        return text == Workspace.starter(for: exercise, check: "sqlprep review --check")
    }

    /// Moves a checked review answer out of `review/` (so the next review starts from a blank file)
    /// into `.sqlprep/reviews/<id>-<n>.sql`, where it is kept. Returns the new path.
    public func archiveReview(for exercise: Exercise, number: Int) throws -> String {
        let target = reviewArchiveFolder + "/\(exercise.id)-\(number).sql"
        do {
            try FileManager.default.createDirectory(atPath: reviewArchiveFolder, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.moveItem(atPath: reviewPath(for: exercise), toPath: target)
        } catch {
            throw WorkspaceError.readOnly(target)
        }
        return target
    }

    /// Creates the folders and the store; returns false when it already existed.
    @discardableResult
    public func create() throws -> Bool {
        let existed = exists
        do {
            try FileManager.default.createDirectory(atPath: answersFolder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: stateFolder, withIntermediateDirectories: true)
        } catch {
            throw WorkspaceError.readOnly(root)
        }
        _ = try ProgressStore(path: storePath, create: true)
        return !existed
    }

    public func openStore() throws -> ProgressStore {
        try ProgressStore(path: storePath, create: false)
    }

    /// Writes the starter answer file for `exercise` unless one exists (a learner's work is never
    /// overwritten here). Returns true when it wrote one.
    @discardableResult
    public func writeStarter(for exercise: Exercise, overwrite: Bool = false) throws -> Bool {
        let path = answerPath(for: exercise)
        if overwrite {
            do {
                try FileManager.default.createDirectory(atPath: answersFolder, withIntermediateDirectories: true)
                try Workspace.starter(for: exercise).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw WorkspaceError.readOnly(path)
            }
            return true
        }
        return try Workspace.createIfAbsent(path, in: answersFolder, text: Workspace.starter(for: exercise))
    }

    /// Writes `text` to `path` (making `folder`) only if no file is there; true when it wrote it.
    /// Written whole to a temporary file, then linked into place: `link` fails when the name exists,
    /// so a file the learner saved between the check and the write (a `watch` running `next` while
    /// they type) is never replaced.
    static func createIfAbsent(_ path: String, in folder: String, text: String) throws -> Bool {
        if FileManager.default.fileExists(atPath: path) { return false }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = path + ".starter-\(ProcessInfo.processInfo.processIdentifier)"
            try text.write(toFile: temporary, atomically: false, encoding: .utf8)
            defer { unlink(temporary) }
            if link(temporary, path) != 0 {
                if errno == EEXIST { return false }
                throw WorkspaceError.readOnly(path)
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.readOnly(path)
        }
        return true
    }

    /// The starter file: the prompt as a comment header (its Markdown rendered as plain text,
    /// wrapped to 100 columns with the `-- `), then a marked place to write; its last line names
    /// `check`, the command that checks it.
    public static func starter(for exercise: Exercise, check: String = "sqlprep submit") -> String {
        starter(for: exercise, prompt: TerminalMarkdown.render(exercise.promptText, style: TextStyle(color: false), width: 97), check: check)
    }

    /// The starter with `prompt` as its comment header. Earlier sqlprep versions wrote the prompt's
    /// Markdown source there, so a starter they wrote is still recognised as untouched.
    private static func starter(for exercise: Exercise, prompt: String, check: String = "sqlprep submit") -> String {
        var lines = ["-- exercise: \(exercise.id)", "-- \(exercise.title) (\(exercise.track.title), \(exercise.difficulty.rawValue))", "--"]
        for line in prompt.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.isEmpty ? "--" : "-- " + line)
        }
        lines.append("--")
        lines.append("-- Columns, in order:")
        for column in exercise.contract.columns {
            lines.append("--   \(column.name): \(column.kind.meaning)\(column.decimals.map { ", \($0) decimal\(Wording.plural($0))" } ?? "")")
        }
        lines.append("-- Row order: \(exercise.contract.orderDescription).")
        lines.append("--")
        lines.append("-- Write your query below this line, then run: \(check)")
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }

    /// True when the answer file still holds only the starter's comments.
    public func answerIsUntouched(_ exercise: Exercise) -> Bool {
        guard let text = try? String(contentsOfFile: answerPath(for: exercise), encoding: .utf8) else { return true }
        return text == Workspace.starter(for: exercise) || text == Workspace.starter(for: exercise, prompt: exercise.promptText)
    }
}
