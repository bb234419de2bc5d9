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

    /// The exercise to work on: the one chosen with `goto` while it is not passed; else the first
    /// neither passed nor skipped, in course order; else the first skipped one not yet passed;
    /// nil when everything is passed.
    public func current() throws -> Exercise? {
        let progress = try store.progress()
        if let id = try store.current(), let chosen = course.exercise(id: id), progress[id]?.passed != true {
            return chosen
        }
        if let fresh = course.exercises.first(where: { progress[$0.id]?.passed != true && progress[$0.id]?.skipped != true }) {
            return fresh
        }
        return course.exercises.first { progress[$0.id]?.passed != true }
    }

    /// The first exercise after `exercise` in course order that is not passed.
    public func following(_ exercise: Exercise) throws -> Exercise? {
        let progress = try store.progress()
        guard let index = course.exercises.firstIndex(of: exercise) else { return nil }
        let rest = course.exercises[(index + 1)...] + course.exercises[..<index]
        return rest.first { progress[$0.id]?.passed != true }
    }

    /// Hints in the order to show them: those attached to a diagnosis the learner's last attempt
    /// triggered come first, then the others in the author's order.
    public func orderedHints(for exercise: Exercise) throws -> [Exercise.Hint] {
        let diagnoses = Set(try store.lastDiagnoses(exercise.id))
        let matching = exercise.hints.filter { $0.diagnosis.map(diagnoses.contains) ?? false }
        return matching + exercise.hints.filter { !matching.contains($0) }
    }

    /// Records a verdict on `query` as an attempt.
    public func record(_ verdict: Verdict, query: String) throws {
        try store.record(Attempt(verdict: verdict, query: query))
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
