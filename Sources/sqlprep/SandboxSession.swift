import Foundation
import SQLPrepData
import SQLPrepSandbox
import SQLiteKit

/// How a one-shot command gets its sandbox: the dataset image (from the cache when possible),
/// the process-wide SQLite heap limit, and a watchdog that ends the process with a clear
/// timeout verdict if a query ignores its interrupt.
enum SandboxSession {
    static func make(dataset spec: DatasetSpec, limits: SandboxLimits, onHardStop: (@Sendable (QueryFailure) -> Void)? = nil) throws -> Sandbox {
        let image = try ShopDataset.image(for: spec)
        // Process-wide, so set only here, in a process that runs one learner query at a time.
        // The image itself was allocated by Swift, so it does not count against the limit.
        SQLiteLibrary.setHardHeapLimit(limits.memoryBytes)
        let stop: @Sendable (QueryFailure) -> Void = onHardStop ?? { failure in
            Terminal.writeNow(FailureText.render(failure, style: Style(enabled: false)) + "\n")
            _exit(1)
        }
        return Sandbox(image: image, limits: limits, hardStop: stop)
    }
}

/// The text of a failed query: what happened, where (with a caret), and what to do.
enum FailureText {
    static func render(_ failure: QueryFailure, style: Style) -> String {
        let label: String
        switch failure.reason {
        case .invalidInput: label = "Invalid input"
        case .empty: label = "Empty query"
        case .refused: label = "Refused"
        case .sqlError: label = "SQL error"
        case .timeout: label = "Time limit"
        case .limit: label = "Limit reached"
        }
        var lines = [style.red(style.bold(label + ":")) + " " + failure.message]
        if let location = failure.location {
            lines.append("  at line \(location.line), column \(location.column):")
            lines.append(location.caretDiagram)
        }
        if let hint = failure.hint { lines.append(style.yellow("hint:") + " " + hint) }
        return lines.joined(separator: "\n")
    }
}
