/// One thing wrong with a course, naming the file and what to fix.
public struct CourseProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The exercise concerned, when there is one.
    public let exerciseID: String?
    /// The file, relative to the course folder.
    public let file: String
    public let message: String

    public init(exerciseID: String? = nil, file: String, _ message: String) {
        self.exerciseID = exerciseID
        self.file = file
        self.message = message
    }

    public var description: String {
        (exerciseID.map { "\($0): " } ?? "") + "\(file): \(message)"
    }
}

/// The problems found while loading a course (every one, not just the first).
public struct CourseProblems: Error, Sendable, CustomStringConvertible {
    public let origin: String
    public let problems: [CourseProblem]

    public var description: String {
        "\(origin) has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
