import ArgumentParser

/// A value an option can hold, with sqlprep's own sentence for a text that does not spell one.
protocol ExplainedArgument: ExpressibleByArgument {
    /// The usage error for `text`: what a good value looks like, such as "use tiny, default, …".
    static func rejection(of text: String) -> String
}

/// An option's text and the value it spells, checked in `validate()` rather than while parsing.
///
/// ArgumentParser rejects a failing `init?(argument:)` with its own sentence ("The value 'x' is
/// invalid for '--scale <scale>'") before any `validate()` runs. sqlprep's usage errors say what a
/// good value looks like, and a command reports its problems in the order of its own checks; keeping
/// the text until `validate()` keeps both, while the command still reads a typed value.
struct ValidatedArgument<Value: ExplainedArgument>: ExpressibleByArgument {
    /// What was typed (for a default: the value's own spelling).
    let text: String
    /// The value `text` spells, or nil.
    let value: Value?

    /// Never fails: a bad text is reported by ``validated()``.
    init(argument: String) {
        text = argument
        value = Value(argument: argument)
    }

    /// A default value, shown in help as `(default: …)`.
    init(_ value: Value) {
        text = value.defaultValueDescription
        self.value = value
    }

    /// The value, or the usage error (exit 64) for the text.
    func validated() throws -> Value {
        guard let value else { throw ValidationError(Value.rejection(of: text)) }
        return value
    }

    var defaultValueDescription: String { text }
}

extension ValidatedArgument: Sendable where Value: Sendable {}
