import Foundation
import SQLPrepExercises

/// What is graded: a title, the exercises with their points, and how partial credit works.
///
/// The file (`--assignment FILE`) is `key: value` lines, `#` for comments:
///
/// ```
/// title: Week 3 — funnels and marketing
/// all_or_nothing: false      # true: full points only when every dataset passes
/// course: ../my-course       # optional; relative to this file; default: the built-in course
/// strict_names: false        # true: refuse near-miss file names (CPO_by_channel.sql, week3/…) instead of grading them with a note
/// exercise: session-conversion-by-channel | 10
/// exercise: cpo-by-channel | 20
/// ```
public struct Assignment: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public let exerciseID: String
        public let points: Double
    }

    public var title: String
    public var items: [Item]
    public var allOrNothing: Bool
    /// A course folder named by the file, resolved against the file's folder.
    public var coursePath: String?
    /// Whether a near-miss file name is refused (true) or graded with a note (false, the default).
    public var strictNames = false

    /// Every exercise of `course`, 10 points each.
    public static func everything(in course: Course) -> Assignment {
        Assignment(title: course.title, items: course.exercises.map { Item(exerciseID: $0.id, points: 10) }, allOrNothing: false, coursePath: nil)
    }

    /// The exercises of `course` listed in `ids` (in the course's order), 10 points each: what is
    /// graded when no assignment file is given.
    public static func found(_ ids: [String], in course: Course) -> Assignment {
        let wanted = Set(ids)
        return Assignment(title: course.title, items: course.exercises.filter { wanted.contains($0.id) }.map { Item(exerciseID: $0.id, points: 10) }, allOrNothing: false, coursePath: nil)
    }

    public var totalPoints: Double { items.map(\.points).reduce(0, +) }

    /// The assignment in `file` (nil: every exercise of `course`), and the course it is graded on:
    /// the folder the file names, unless the caller chose the course (`courseChosen`).
    /// - Throws: ``GradingError`` for an unreadable or invalid file or an unknown exercise, and
    ///   ``SQLPrepExercises/CourseProblems`` for a course folder that does not load.
    public static func load(file: String?, course: Course, courseChosen: Bool) throws -> (Assignment, Course) {
        guard let file else { return (everything(in: course), course) }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw GradingError.output("Cannot read the assignment file \(file).")
        }
        let assignment = try parse(text, file: file)
        var course = course
        if let path = assignment.coursePath, !courseChosen {
            course = try Course.load(directory: path)
        }
        try assignment.check(against: course, file: file)
        return (assignment, course)
    }

    /// Parses the file; every problem names the line and what to write instead.
    public static func parse(_ text: String, file: String) throws -> Assignment {
        var assignment = Assignment(title: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, items: [], allOrNothing: false, coursePath: nil)
        var problems: [String] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append("line \(number + 1): write 'key: value' (title, all_or_nothing, strict_names, course, exercise)")
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "title": assignment.title = value
            case "all_or_nothing":
                guard let flag = ["true": true, "yes": true, "false": false, "no": false][value.lowercased()] else {
                    problems.append("line \(number + 1): all_or_nothing is true or false, not '\(value)'")
                    continue
                }
                assignment.allOrNothing = flag
            case "strict_names":
                guard let flag = ["true": true, "yes": true, "false": false, "no": false][value.lowercased()] else {
                    problems.append("line \(number + 1): strict_names is true or false, not '\(value)'")
                    continue
                }
                assignment.strictNames = flag
            case "course":
                assignment.coursePath = URL(fileURLWithPath: value, relativeTo: URL(fileURLWithPath: file).deletingLastPathComponent()).path
            case "exercise":
                let parts = value.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard let id = parts.first, !id.isEmpty else {
                    problems.append("line \(number + 1): write 'exercise: ID | POINTS'")
                    continue
                }
                var points = 10.0
                if parts.count > 1 {
                    guard let value = Double(parts[1]), value > 0, value.isFinite else {
                        problems.append("line \(number + 1): points must be a positive number, not '\(parts[1])'")
                        continue
                    }
                    points = value
                }
                if assignment.items.contains(where: { $0.exerciseID == id }) {
                    problems.append("line \(number + 1): exercise '\(id)' is listed twice")
                    continue
                }
                assignment.items.append(Item(exerciseID: id, points: points))
            default:
                problems.append("line \(number + 1): unknown key '\(key)'; the keys are title, all_or_nothing, strict_names, course and exercise")
            }
        }
        if assignment.items.isEmpty && problems.isEmpty { problems.append("lists no exercises; add lines like 'exercise: orders-by-status | 10'") }
        guard problems.isEmpty else { throw GradingError.badInput(file: file, problems: problems) }
        return assignment
    }

    /// Checks every exercise id against the course.
    public func check(against course: Course, file: String) throws {
        let unknown = items.filter { course.exercise(id: $0.exerciseID) == nil }.map(\.exerciseID)
        guard unknown.isEmpty else {
            throw GradingError.badInput(file: file, problems: unknown.map { "exercise '\($0)' is not in \(course.origin)" })
        }
    }
}

/// A problem with the grader's inputs, naming the file and what to fix.
public enum GradingError: Error, Sendable, CustomStringConvertible {
    case badInput(file: String, problems: [String])
    case output(String)

    public var description: String {
        switch self {
        case .badInput(let file, let problems):
            "\(file): " + (problems.count == 1 ? problems[0] : "\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
        case .output(let message): message
        }
    }
}
