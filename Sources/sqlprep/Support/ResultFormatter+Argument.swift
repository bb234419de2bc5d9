import ArgumentParser
import SQLPrepSandbox

/// `--format` and `--mode` take a result format by its raw value (table, box, column, markdown, line, csv, json).
extension ResultFormatter.Format: ExpressibleByArgument {}
