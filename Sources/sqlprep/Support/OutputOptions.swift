import ArgumentParser
import SQLPrepExercises
import SQLPrepText

/// `--no-color`, for the commands that print styled text for people. One declaration keeps the
/// flag's name and help the same everywhere. (`run` keeps its own `--no-color`: its help also
/// names the NO_COLOR variable, because `run` is the command scripts call.)
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Plain text, no colours.")
    var noColor = false

    /// Colour only on a terminal, and never with `--no-color`, `NO_COLOR` or a dumb terminal.
    var style: TextStyle { TextStyle(color: Terminal.useColor(disabled: noColor)) }
}
