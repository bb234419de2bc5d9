import Foundation
import SQLPrepExercises

/// A learner's course, workspace and progress together: which exercise is current, what comes
/// next, which hint to show. The CLI's learner commands are thin layers over this.
public final class LearnerSession {
    public let course: Course
    public let workspace: Workspace
    public let store: ProgressStore

    /// Opens the workspace's store; with `create`, makes the workspace first if it is missing.
    /// `created` says whether it was made now.
    public static func open(course: Course, workspace: Workspace, create: Bool) throws -> (LearnerSession, created: Bool) {
        var created = false
        if !workspace.exists {
            guard create else { throw WorkspaceError.noStore(workspace.storePath) }
            created = try workspace.create()
        }
        return (LearnerSession(course: course, workspace: workspace, store: try workspace.openStore()), created)
    }

    init(course: Course, workspace: Workspace, store: ProgressStore) {
        self.course = course
        self.workspace = workspace
        self.store = store
    }

    public func progress() throws -> [String: ExerciseProgress] { try store.progress() }

    /// The current exercise: the one `next` shows and `hint`, `submit` and `watch` work on by default.
    ///
    /// - `goto X` makes X current, even when X is passed.
    /// - A pass of the current exercise makes current the one ``following(_:)`` it (nil: all passed).
    /// - `skip` makes current the one ``following(_:)`` it (or keeps it, when it is the only one left).
    /// - With nothing set yet (a new workspace): the first exercise neither passed nor skipped, in
    ///   course order, else the first skipped one not passed; nil when everything is passed.
    ///
    /// A `goto` written by an older sqlprep (``ProgressStore/legacyCurrent()``) counts while its
    /// exercise is not passed, as it did then.
    public func current() throws -> Exercise? {
        let progress = try store.progress()
        if let id = try store.legacyCurrent(), let chosen = course.exercise(id: id), progress[id]?.passed != true {
            return chosen
        }
        if let id = try store.current(), let chosen = course.exercise(id: id) {
            return chosen
        }
        if let fresh = course.exercises.first(where: { progress[$0.id]?.passed != true && progress[$0.id]?.skipped != true }) {
            return fresh
        }
        return course.exercises.first { progress[$0.id]?.passed != true }
    }

    /// What comes after `exercise`: the first exercise after it in course order, wrapping round to
    /// the start, that is neither passed nor skipped; else the first such one skipped but not
    /// passed (skipped exercises come back once the others are done). Never `exercise` itself; nil
    /// when every other exercise is passed.
    public func following(_ exercise: Exercise) throws -> Exercise? {
        let progress = try store.progress()
        guard let index = course.exercises.firstIndex(of: exercise) else { return nil }
        let rest = course.exercises[(index + 1)...] + course.exercises[..<index]
        return rest.first { progress[$0.id]?.passed != true && progress[$0.id]?.skipped != true }
            ?? rest.first { progress[$0.id]?.passed != true }
    }

    /// Makes `exercise` current (`goto`), passed or not, and records the event.
    public func goTo(_ exercise: Exercise) throws {
        try store.setCurrent(exercise.id)
        try store.recordEvent("goto", exercise: exercise.id)
    }

    /// Skips the current exercise: records the skip and moves current to the one following it. Returns
    /// the skipped exercise and the new current one (the same exercise when it is the only one not
    /// passed; nil when everything is passed); nil when there was nothing to skip.
    public func skip() throws -> (skipped: Exercise, current: Exercise?)? {
        guard let exercise = try current() else { return nil }
        try store.recordEvent("skip", exercise: exercise.id)
        let passed = try store.progress()[exercise.id]?.passed == true
        try store.setCurrent((try following(exercise) ?? (passed ? nil : exercise))?.id)
        return (exercise, try current())
    }

    /// Hints in the order to show them: those attached to a diagnosis the learner's last attempt
    /// triggered come first, then the others in the author's order.
    public func orderedHints(for exercise: Exercise) throws -> [Exercise.Hint] {
        let diagnoses = Set(try store.lastDiagnoses(exercise.id))
        let matching = exercise.hints.filter { $0.diagnosis.map(diagnoses.contains) ?? false }
        return matching + exercise.hints.filter { !matching.contains($0) }
    }

    /// Records a verdict on `query` as an attempt. A pass of the current exercise moves current to
    /// the one ``following(_:)`` it, so ``current()`` then names what comes next.
    public func record(_ verdict: Verdict, query: String) throws {
        try record(Attempt(verdict: verdict, query: query))
    }

    /// Records an attempt; a pass of the current exercise moves current on, as above.
    public func record(_ attempt: Attempt) throws {
        try record(attempt, unlessRepeat: false)
    }

    /// Records a verdict on `query` unless it repeats the last attempt at its exercise (same query,
    /// same status; see ``ProgressStore/record(_:unlessRepeat:)``): how `watch` records its checks.
    /// Returns whether it recorded.
    @discardableResult
    public func record(_ verdict: Verdict, query: String, unlessRepeat: Bool) throws -> Bool {
        try record(Attempt(verdict: verdict, query: query), unlessRepeat: unlessRepeat)
    }

    /// A pass of the current exercise moves current on whether or not it was recorded: passing again
    /// after a `goto` moves on as the first pass did, counted or not.
    @discardableResult
    public func record(_ attempt: Attempt, unlessRepeat: Bool) throws -> Bool {
        let before = try current()
        let recorded = try store.record(attempt, unlessRepeat: unlessRepeat)
        if attempt.status == .pass, let before, before.id == attempt.exercise {
            try store.setCurrent(try following(before)?.id)
        }
        return recorded
    }

    /// Passed and total, overall and per track, in course order.
    public func summary() throws -> (passed: Int, total: Int, tracks: [(Track, passed: Int, total: Int)]) {
        let progress = try store.progress()
        let tracks = course.tracks.map { track -> (Track, passed: Int, total: Int) in
            let exercises = course.exercises(in: track)
            return (track, exercises.filter { progress[$0.id]?.passed == true }.count, exercises.count)
        }
        return (tracks.map(\.passed).reduce(0, +), course.exercises.count, tracks)
    }
}

@available(*, unavailable)
extension LearnerSession: Sendable {}

extension Attempt {
    public init(verdict: Verdict, query: String) {
        self.init(
            exercise: verdict.exerciseID, query: query, status: verdict.status, reason: verdict.reason?.rawValue,
            diagnoses: verdict.diagnosisCodes, elapsedMilliseconds: Int(verdict.elapsedMilliseconds.rounded()))
    }
}
