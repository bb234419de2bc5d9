import ArgumentParser
import SQLPrepData

/// `--scale tiny|default|large|FACTOR`.
extension Scale: ExplainedArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    public var defaultValueDescription: String { description }

    static func rejection(of text: String) -> String {
        "'\(text)' is not a scale. Use tiny, default, large, or a positive factor such as 0.5."
    }
}
