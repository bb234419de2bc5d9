import ArgumentParser

/// A user-facing failure of the CLI itself (a missing file, a bad folder): printed as one line
/// on standard error, exit code 1. Usage errors use `ValidationError` (exit 64) instead.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}
