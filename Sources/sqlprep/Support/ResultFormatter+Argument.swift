import ArgumentParser
import SQLPrepSandbox

/// `--format` and `--mode` take a result format by its raw value (table, csv, json).
extension ResultFormatter.Format: ExpressibleByArgument {}
