import ArgumentParser
import SQLPrepExercises
import SQLPrepText

/// `--json` then `--no-color`, for the commands that print either a report for people or JSON for
/// tools (`list`, `progress show`). `submit` declares its own `--json`: its help names the README's
/// verdict contract.
struct JSONOutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for tools.")
    var json = false

    @OptionGroup var text: OutputOptions

    var style: TextStyle { text.style }
}
