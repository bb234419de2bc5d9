import Foundation

/// A course: tracks of exercises in the order learners meet them.
public struct Course: Sendable {
    public let title: String
    public let tracks: [Track]
    /// Every exercise, in manifest order.
    public let exercises: [Exercise]
    /// Where it came from, for messages: "the built-in course" or a folder path.
    public let origin: String

    public func exercise(id: String) -> Exercise? {
        exercises.first { $0.id == id }
    }

    public func exercises(in track: Track) -> [Exercise] {
        exercises.filter { $0.track == track }
    }

    /// The course compiled into sqlprep (from `Exercises/`).
    public static func builtIn() throws -> Course {
        try CourseLoader.load(files: embeddedCourseFiles, origin: "the built-in course").get()
    }

    /// An instructor's course folder in the same format.
    public static func load(directory: String) throws -> Course {
        try CourseLoader.load(directory: directory).get()
    }
}
