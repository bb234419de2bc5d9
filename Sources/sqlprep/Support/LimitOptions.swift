import ArgumentParser
import SQLPrepSandbox

/// Limits for running learner SQL.
struct LimitOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Work limit per query, in SQLite steps: it stops a long query at the same point on every machine.",
        valueName: "steps"))
    var workLimit: Int = SandboxLimits().maxSteps ?? 200_000_000

    @Option(name: .long, help: ArgumentHelp(
        "Wall-clock safety net per query, in seconds: it ends what the work limit cannot see, such as one huge printf().",
        valueName: "seconds"))
    var timeLimit: Double = Double(SandboxLimits().timeMilliseconds) / 1000

    @Option(name: .long, help: ArgumentHelp("Memory limit per query, in MiB.", valueName: "MiB"))
    var memoryLimit: Int = 512

    @Option(name: .long, help: ArgumentHelp("Most rows a query may return.", valueName: "rows"))
    var rowLimit: Int = 200_000

    func validate() throws {
        guard timeLimit > 0, timeLimit <= 3600 else { throw ValidationError("--time-limit must be more than 0 and at most 3600 seconds (for example 5 or 0.5).") }
        guard memoryLimit >= 16, memoryLimit <= 65_536 else { throw ValidationError("--memory-limit must be between 16 and 65536 MiB.") }
        guard rowLimit > 0 else { throw ValidationError("--row-limit must be positive.") }
        guard workLimit >= 1000 else { throw ValidationError("--work-limit must be at least 1000 steps (the default is \(SandboxLimits().maxSteps ?? 0)).") }
    }

    var limits: SandboxLimits {
        SandboxLimits(timeMilliseconds: Int(timeLimit * 1000), memoryBytes: Int64(memoryLimit) << 20, maxRows: rowLimit, maxSteps: workLimit)
    }
}
