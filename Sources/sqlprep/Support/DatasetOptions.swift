import ArgumentParser
import SQLPrepData
import SQLPrepSandbox

/// Options every command that touches the dataset shares.
struct DatasetOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset seed: the same seed and scale always give the same data.")
    var seed: UInt64 = DatasetSpec.defaultSeed

    @Option(name: .long, help: ArgumentHelp(
        "Dataset size: tiny (~1k users), default (~20k), large (~1M), or a factor of default such as 0.25.",
        valueName: "scale"))
    var scale: String = "default"

    func spec() throws -> DatasetSpec {
        guard let scale = Scale(parsing: scale) else {
            throw ValidationError("'\(scale)' is not a scale. Use tiny, default, large, or a positive factor such as 0.5.")
        }
        return DatasetSpec(seed: seed, scale: scale)
    }

    func validate() throws { _ = try spec() }
}

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

extension ResultFormatter.Format: ExpressibleByArgument {}
