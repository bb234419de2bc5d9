import Foundation
import SQLPrepExercises
import SQLPrepWorkspace
import SQLiteKit
import TestSupport
import Testing

func attempt(_ exercise: String, _ status: Verdict.Status, diagnoses: [String] = [], query: String = "SELECT 1") -> Attempt {
    Attempt(exercise: exercise, query: query, status: status, reason: status == .pass ? nil : "wrong_result", diagnoses: diagnoses, elapsedMilliseconds: 3)
}

@Suite("Progress store")
struct ProgressStoreTests {
    @Test("Attempts, hints and events make up each exercise's progress")
    func recording() throws {
        let folder = try Scratch.folder()
        let store = try ProgressStore(path: folder + "/p.db", create: true)
        try store.record(attempt("a", .fail))
        try store.record(attempt("a", .pass))
        try store.record(attempt("b", .error))
        #expect(try store.revealHint(exercise: "b", available: 2) == 1)
        #expect(try store.revealHint(exercise: "b", available: 2) == 2)
        #expect(try store.revealHint(exercise: "b", available: 2) == 2, "capped at the number of hints")
        try store.recordEvent("skip", exercise: "c")
        let progress = try store.progress()
        #expect(progress["a"]?.passed == true && progress["a"]?.attempts == 2)
        #expect(progress["b"]?.status == .attempted && progress["b"]?.hintsRevealed == 2)
        #expect(progress["c"]?.status == .skipped)
    }

    @Test("A repeat (same query, same status as the last attempt at the exercise) is not recorded when asked; a plain record always is")
    func repeats() throws {
        let store = try ProgressStore(path: try Scratch.folder() + "/p.db", create: true)
        #expect(try store.record(attempt("a", .fail, query: "SELECT 1"), unlessRepeat: true))
        #expect(try !store.record(attempt("a", .fail, query: "SELECT 1"), unlessRepeat: true), "the same file saved again")
        #expect(try store.record(attempt("b", .fail, query: "SELECT 1"), unlessRepeat: true), "another exercise has its own last attempt")
        #expect(try store.record(attempt("a", .fail, query: "SELECT 2"), unlessRepeat: true), "a changed file")
        #expect(try store.record(attempt("a", .fail, query: "SELECT 1"), unlessRepeat: true), "back to an earlier text: it differs from the last")
        #expect(try store.record(attempt("a", .error, query: "SELECT 1"), unlessRepeat: true), "the same text with another verdict")
        try store.record(attempt("a", .error, query: "SELECT 1"))  // submit: every submit counts
        #expect(try store.progress()["a"]?.attempts == 5)
        #expect(try store.progress()["b"]?.attempts == 1)
    }

    @Test("Progress survives closing and reopening (a new day, a new process)")
    func persistence() throws {
        let path = try Scratch.folder() + "/p.db"
        do {
            let store = try ProgressStore(path: path, create: true)
            try store.record(attempt("a", .pass))
            try store.setCurrent("b")
        }
        let reopened = try ProgressStore(path: path, create: false)
        #expect(try reopened.progress()["a"]?.passed == true)
        #expect(try reopened.current() == "b")
    }

    @Test("Two writers at once lose nothing")
    func concurrentWriters() async throws {
        let path = try Scratch.folder() + "/p.db"
        _ = try ProgressStore(path: path, create: true)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    guard let store = try? ProgressStore(path: path, create: false) else { return }
                    for index in 0..<150 {
                        try? store.record(attempt("w\(writer)", index % 2 == 0 ? .fail : .pass, query: "SELECT \(index)"))
                    }
                }
            }
        }
        let progress = try ProgressStore(path: path, create: false).progress()
        #expect(progress["w0"]?.attempts == 150)
        #expect(progress["w1"]?.attempts == 150)
    }

    struct DamagedStore: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let mentions: String
        var testDescription: String { name }
    }

    static let damaged: [DamagedStore] = [
        DamagedStore(name: "an empty file", bytes: [], mentions: "empty"),
        DamagedStore(name: "garbage", bytes: Array("this is not a database at all, just text".utf8), mentions: "not a SQLite database"),
        DamagedStore(name: "a truncated database", bytes: Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0, count: 50), mentions: "damaged"),
    ]

    @Test("A damaged store gets a clear message and is left exactly as it was", arguments: damaged)
    func damagedStore(_ case: DamagedStore) throws {
        let path = try Scratch.folder() + "/p.db"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(`case`.bytes)))
        let error = try #require(throws: WorkspaceError.self) { try ProgressStore(path: path, create: true) }
        #expect("\(error)".contains(`case`.mentions), "\(error)")
        #expect("\(error)".contains("Nothing was changed"))
        #expect(FileManager.default.contents(atPath: path) == Data(`case`.bytes), "never silently reset")
    }

    @Test("A store written by a newer sqlprep is refused and untouched")
    func newerFormat() throws {
        let path = try Scratch.folder() + "/p.db"
        _ = try ProgressStore(path: path, create: true)
        let db = try Connection.file(path)
        try db.execute("PRAGMA user_version = 99")
        let before = FileManager.default.contents(atPath: path)
        let error = try #require(throws: WorkspaceError.self) { try ProgressStore(path: path, create: false) }
        #expect("\(error)".contains("newer sqlprep"))
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test("Export then import into another store reproduces the progress; importing twice adds nothing")
    func exportImport() throws {
        let folder = try Scratch.folder()
        let source = try ProgressStore(path: folder + "/a.db", create: true)
        try source.record(attempt("a", .pass))
        try source.record(attempt("b", .fail, diagnoses: ["integer_division"]))
        _ = try source.revealHint(exercise: "b", available: 3)
        try source.recordEvent("skip", exercise: "c")
        _ = try source.exportProgress(to: folder + "/export.json")

        let target = try ProgressStore(path: folder + "/b.db", create: true)
        try target.record(attempt("z", .pass))
        let added = try target.importProgress(from: folder + "/export.json")
        #expect(added.attempts == 2 && added.hints == 1 && added.events == 1)
        let again = try target.importProgress(from: folder + "/export.json")
        #expect(again.attempts == 0 && again.hints == 0 && again.events == 0)
        let progress = try target.progress()
        #expect(progress["a"]?.passed == true && progress["z"]?.passed == true)
        #expect(try target.lastDiagnoses("b") == ["integer_division"])
        #expect(try source.exportProgress().attempts == target.exportProgress().attempts.filter { $0.exercise != "z" })
    }

    @Test(
        "A bad import file is refused with a reason and imports nothing",
        arguments: [
            ("", "the file is empty"),  // found by fuzzing (FuzzProgressImport)
            ("not json", "not valid JSON"),
            (#"{"format":"other","version":1,"exported_at":"x","attempts":[],"hints":[],"events":[]}"#, "format is 'other'"),
            (#"{"format":"sqlprep-progress","version":9,"exported_at":"x","attempts":[],"hints":[],"events":[]}"#, "newer sqlprep"),
            (#"{"format":"sqlprep-progress","version":1}"#, "missing"),
            (#"{"format":"sqlprep-progress","version":1,"exported_at":"x","attempts":[{"id":"u1","at":"t","exercise":"a","query_hash":"h","query":"q","status":"won","diagnoses":[],"elapsed_ms":1}],"hints":[],"events":[]}"#, "status 'won'"),
            (#"{"format":"sqlprep-progress","version":1,"exported_at":"x","attempts":[{"id":"u1","at":"t","exercise":"","query_hash":"h","query":"q","status":"pass","diagnoses":[],"elapsed_ms":1}],"hints":[],"events":[]}"#, "status 'pass' for exercise ''"),
            // The format is named before an attempt's status, whatever the order of the checks inside.
            (#"{"format":"other","version":1,"exported_at":"x","attempts":[{"id":"u1","at":"t","exercise":"a","query_hash":"h","query":"q","status":"won","diagnoses":[],"elapsed_ms":1}],"hints":[],"events":[]}"#, "format is 'other'"),
            (#"{"format":"sqlprep-progress","version":9,"exported_at":"x","attempts":[{"id":"u1","at":"t","exercise":"a","query_hash":"h","query":"q","status":"won","diagnoses":[],"elapsed_ms":1}],"hints":[],"events":[]}"#, "newer sqlprep"),
        ])
    func badImport(text: String, mentions: String) throws {
        let folder = try Scratch.folder()
        let store = try ProgressStore(path: folder + "/a.db", create: true)
        try text.write(toFile: folder + "/in.json", atomically: true, encoding: .utf8)
        let error = try #require(throws: WorkspaceError.self) { try store.importProgress(from: folder + "/in.json") }
        #expect("\(error)".contains(mentions), "\(error)")
        #expect(try store.attempts().isEmpty)
    }

    @Test("Statuses keep their stored and printed spellings; a store altered to hold another status is reported, not misread")
    func statuses() throws {
        #expect(ExerciseProgress.Status.allCases.map(\.rawValue) == ["passed", "attempted", "skipped", "new"])
        #expect(Verdict.Status.allCases.map(\.rawValue) == ["pass", "fail", "error"])
        let folder = try Scratch.folder()
        let store = try ProgressStore(path: folder + "/p.db", create: true)
        try store.record(attempt("a", .pass))
        try Connection.file(folder + "/p.db").execute("UPDATE attempts SET status = 'won'")
        let error = try #require(throws: WorkspaceError.self) { try store.attempts() }
        #expect("\(error)".contains("unknown status"), "\(error)")
    }

    @Test("reset --all keeps a backup that holds the old progress")
    func resetAllBackup() throws {
        let folder = try Scratch.folder()
        let store = try ProgressStore(path: folder + "/p.db", create: true)
        try store.record(attempt("a", .pass))
        try store.resetAll(backupPath: folder + "/backup.db")
        #expect(try store.progress().isEmpty)
        #expect(try ProgressStore(path: folder + "/backup.db", create: false).progress()["a"]?.passed == true)
    }
}

@Suite("Learner session")
struct LearnerSessionTests {
    static func session() throws -> LearnerSession {
        let course = try Course.builtIn()
        return try LearnerSession.open(course: course, workspace: Workspace(root: try Scratch.folder()), create: true).0
    }

    @Test("The current exercise follows course order, goto and skip")
    func currentExercise() throws {
        let session = try Self.session()
        let exercises = session.course.exercises
        #expect(try session.current() == exercises[0])
        try session.record(attemptVerdictPass(exercises[0].id))
        #expect(try session.current() == exercises[1])
        #expect(try session.skip()?.skipped == exercises[1])
        #expect(try session.current() == exercises[2])
        try session.goTo(exercises[10])
        #expect(try session.current() == exercises[10])
        try session.store.setCurrent(nil)
        #expect(try session.following(exercises[2]) == exercises[3])
    }

    @Test("A hint attached to the learner's last mistake comes first")
    func diagnosisDrivenHints() throws {
        let session = try Self.session()
        let exercise = try #require(session.course.exercises.first { $0.hints.contains { $0.diagnosis != nil } })
        let attached = try #require(exercise.hints.first { $0.diagnosis != nil })
        #expect(try session.orderedHints(for: exercise) == exercise.hints, "no attempt yet: the author's order")
        try session.store.record(attempt(exercise.id, .fail, diagnoses: [attached.diagnosis!]))
        #expect(try session.orderedHints(for: exercise).first == attached)
    }

    @Test("The starter file carries the prompt as comments and is recognised as untouched")
    func starterFile() throws {
        let session = try Self.session()
        let exercise = session.course.exercises[0]
        #expect(try session.workspace.writeStarter(for: exercise))
        #expect(session.workspace.answerIsUntouched(exercise))
        let text = try String(contentsOfFile: session.workspace.answerPath(for: exercise), encoding: .utf8)
        #expect(text.hasPrefix("-- exercise: \(exercise.id)\n"))
        #expect(!text.split(separator: "\n").contains { !$0.hasPrefix("--") })
        #expect(try !session.workspace.writeStarter(for: exercise), "never overwrites an existing answer")
    }

    @Test("A starter written before prompts were rendered (Markdown source in its comments) still counts as untouched")
    func legacyStarterFile() throws {
        let session = try Self.session()
        let exercise = session.course.exercises[0]
        let current = Workspace.starter(for: exercise).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tail = try #require(current.firstIndex(of: "-- Columns, in order:")) - 1
        let raw = exercise.promptText.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "--" : "-- " + $0 }
        let legacy = (Array(current[..<3]) + raw + Array(current[tail...])).joined(separator: "\n")
        #expect(legacy.contains("**"))  // the old, raw form
        try FileManager.default.createDirectory(atPath: session.workspace.answersFolder, withIntermediateDirectories: true)
        try legacy.write(toFile: session.workspace.answerPath(for: exercise), atomically: true, encoding: .utf8)
        #expect(session.workspace.answerIsUntouched(exercise))
        try (legacy + "SELECT 1;\n").write(toFile: session.workspace.answerPath(for: exercise), atomically: true, encoding: .utf8)
        #expect(!session.workspace.answerIsUntouched(exercise))
    }

    func attemptVerdictPass(_ id: String) -> Attempt { attempt(id, .pass) }
}
