import Foundation
import SQLPrepExercises
import SQLPrepText

/// The learner's progress as text (bars per track, a line per exercise) or JSON.
public enum ProgressText {
    public static func render(session: LearnerSession, style: TextStyle, width: Int, exercises showExercises: Bool = true) -> String {
        guard let summary = try? session.summary(), let progress = try? session.progress() else { return "" }
        let current = (try? session.current())?.id
        let barWidth = max(10, min(30, width - 60))
        var out = headline(progress: progress, course: session.course, current: current, style: style) + "\n"
        for (track, passed, total) in summary.tracks {
            let filled = total == 0 ? 0 : passed * barWidth / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            out += "\n" + track.title.padding(toLength: 24, withPad: " ", startingAt: 0) + " " + (passed == total ? style.green(bar) : bar) + " \(passed)/\(total)\n"
            guard showExercises else { continue }
            for exercise in session.course.exercises(in: track) {
                let state = progress[exercise.id] ?? ExerciseProgress()
                let mark = switch state.status {
                case .passed: style.green("✓")
                case .skipped: style.dim("↷")
                case .attempted: style.yellow("…")
                case .new: " "
                }
                var detail: [String] = []
                if state.attempts > 0 { detail.append("\(state.attempts) attempt\(state.attempts == 1 ? "" : "s")") }
                if state.hintsRevealed > 0 { detail.append("\(state.hintsRevealed) hint\(state.hintsRevealed == 1 ? "" : "s")") }
                if state.solutionSeen && !state.passed { detail.append("solution seen") }
                let pointer = exercise.id == current ? style.bold(" ← current") : ""
                let name = exercise.id.padding(toLength: 40, withPad: " ", startingAt: 0)
                out += "  \(mark) \(name) \(state.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(style.dim(detail.joined(separator: ", ")))\(pointer)\n"
            }
        }
        return out
    }

    /// One line that sums the whole course up: "12 of 45 passed · 3 attempted · 2 skipped · current:
    /// cpo-by-channel" (each exercise counted once, by its status).
    public static func headline(progress: [String: ExerciseProgress], course: Course, current: String?, style: TextStyle) -> String {
        let statuses = course.exercises.map { (progress[$0.id] ?? ExerciseProgress()).status }
        func count(_ status: ExerciseProgress.Status) -> Int { statuses.filter { $0 == status }.count }
        let passed = count(.passed)
        let position = current.map { "current: \($0)" } ?? (passed == statuses.count ? "every exercise passed" : "no current exercise")
        return style.bold("\(passed) of \(statuses.count) passed") + " · \(count(.attempted)) attempted · \(count(.skipped)) skipped · " + position
    }

    /// `[{"id": …, "title": …, "track": …, "difficulty": …, "status": …, "attempts": n, "hints": n}, …]`
    /// Built by hand (see ``JSONText``): the fields keep this documented order.
    public static func json(session: LearnerSession?, course: Course) -> String {
        let progress = (try? session?.progress()) ?? [:]
        typealias J = JSONText
        let items = course.exercises.map { exercise -> String in
            let state = progress[exercise.id] ?? ExerciseProgress()
            return J.object([
                ("id", J.string(exercise.id)), ("title", J.string(exercise.title)), ("track", J.string(exercise.track.folder)),
                ("difficulty", J.string(exercise.difficulty.rawValue)), ("status", J.string(state.status.rawValue)),
                ("attempts", "\(state.attempts)"), ("hints", "\(state.hintsRevealed)"),
            ])
        }
        return J.array(items)
    }
}
