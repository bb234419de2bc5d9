import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepSandbox

extension SQLPrep {
    struct Dataset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Describe or export the shop dataset.",
            subcommands: [Schema.self, Info.self, Export.self]
        )
    }
}

extension SQLPrep.Dataset {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the data dictionary: every table and column, its type and meaning, with row counts.",
            discussion: spelled("Example: sqlprep dataset schema --scale tiny")
        )

        @OptionGroup var dataset: DatasetOptions

        func run() throws {
            let spec = try dataset.spec()
            let data = try LoadedDataset(spec, notice: { Terminal.error($0.message) })
            print(DataDictionary.render(counts: try data.rowCounts(), spec: spec), terminator: "")
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the dataset's seed, scale, generator version, fingerprint and row counts.",
            discussion: spelled("Example: sqlprep dataset info --seed 7 --scale tiny")
        )

        @OptionGroup var dataset: DatasetOptions

        func run() throws {
            let spec = try dataset.spec()
            let data = try LoadedDataset(spec, notice: { Terminal.error($0.message) })
            print("seed:              \(spec.seed)")
            print("scale:             \(spec.scale)")
            print("generator version: \(ShopGenerator.version)")
            print("period:            2024-01-01 to 2025-06-30 (UTC)")
            print("fingerprint:       \(try data.fingerprint())")
            print("sqlite:            \(LoadedDataset.sqliteVersion)")
            print("rows:")
            for (table, rows) in try data.rowCounts() {
                print("  \(table.padding(toLength: 24, withPad: " ", startingAt: 0))\(rows)")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one CSV file per table (header row, RFC 4180 quoting, NULL as an empty field).",
            discussion: spelled("""
                Load the same data anywhere: a spreadsheet, pandas, DuckDB, PostgreSQL (COPY … CSV HEADER), \
                or the sqlite3 shell (.import --csv).

                Example: sqlprep dataset export --out shop-csv --scale tiny
                """)
        )

        @Option(name: .long, help: "Export format (csv).")
        var format: String = "csv"

        @Option(name: .long, help: ArgumentHelp("Folder to write the files into (created if missing).", valueName: "dir"))
        var out: String

        @OptionGroup var dataset: DatasetOptions

        func validate() throws {
            guard format == "csv" else { throw ValidationError("Unknown format '\(format)'; the only export format is csv.") }
        }

        func run() throws {
            let data = try LoadedDataset(try dataset.spec(), notice: { Terminal.error($0.message) })
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw CLIError("Cannot create the folder \(out): \(error.localizedDescription)")
            }
            for table in ShopSchema.tables {
                let path = out + "/" + table.name + ".csv"
                let written = try data.writeCSV(table, to: path)
                print("wrote \(path) (\(written) rows)")
            }
        }
    }
}
