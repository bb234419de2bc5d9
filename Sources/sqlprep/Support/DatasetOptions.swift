import ArgumentParser
import SQLPrepData

/// Options every command that touches the dataset shares.
struct DatasetOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset seed: the same seed and scale always give the same data.")
    var seed: UInt64 = DatasetSpec.defaultSeed

    @Option(name: .long, help: ArgumentHelp(
        "Dataset size: tiny (~1k users), default (~20k), large (~1M), or a factor of default such as 0.25.",
        valueName: "scale"))
    var scale = ValidatedArgument(Scale.default)

    func spec() throws -> DatasetSpec {
        DatasetSpec(seed: seed, scale: try scale.validated())
    }

    func validate() throws { _ = try spec() }
}
