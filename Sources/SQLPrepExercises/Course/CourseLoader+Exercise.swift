import Foundation
import SQLPrepData

// MARK: - Exercise

/// One exercise folder, read in the order its problems are reported: the required files, then
/// `exercise.txt` (its lines, its settings, its sort keys), then the texts, then `wrong/`. Each
/// part reports through `problem(file, message)` and returns what it could read.
extension CourseLoader {
    /// Reports a problem in one file of an exercise folder.
    typealias ProblemReporter = (_ file: String, _ message: String) -> Void

    static func parseExercise(
        id: String, folder: String, track: Track, files: [String: String], seed defaultSeed: UInt64, problems: inout [CourseProblem]
    ) -> Exercise? {
        let before = problems.count
        func problem(_ file: String, _ message: String) {
            problems.append(CourseProblem(exerciseID: id, file: "\(folder)/\(file)", message))
        }
        let present = requiredFiles.filter { files["\(folder)/\($0)"] != nil }
        if present.isEmpty {
            problems.append(CourseProblem(exerciseID: id, file: folder, "folder is missing: course.txt lists '\(id)' under \(track.folder), so create \(folder)/ with \(requiredFiles.joined(separator: ", "))"))
            return nil
        }
        for file in requiredFiles where files["\(folder)/\(file)"] == nil {
            problem(file, "missing; every exercise needs \(requiredFiles.joined(separator: ", "))")
        }
        guard let metadata = files["\(folder)/exercise.txt"] else { return nil }

        let (fields, columns) = parseMetadata(metadata, problem: problem)
        let (title, difficulty, spec) = parseSettings(fields, id: id, seed: defaultSeed, problem: problem)
        if columns.isEmpty { problem("exercise.txt", "has no 'column:' lines; list the output columns in order") }
        let names = columns.map { $0.name.lowercased() }
        if Set(names).count != names.count { problem("exercise.txt", "two columns have the same name") }
        let sortKeys = parseOrder(fields["order"], columns: names, problem: problem)

        let hints = parseHints(files["\(folder)/hints.md"] ?? "")
        if files["\(folder)/hints.md"] != nil && hints.isEmpty { problem("hints.md", "holds no hints; write 2–3, separated by lines of ---") }
        checkTexts(files, folder: folder, columns: columns, problem: problem)
        let wrongQueries = parseWrongQueries(files, folder: folder, problem: problem)

        guard problems.count == before, let difficulty else { return nil }
        return Exercise(
            id: id, title: title, track: track, difficulty: difficulty, dataset: spec,
            contract: ResultContract(columns: columns, sortKeys: sortKeys),
            prompt: files["\(folder)/prompt.md"] ?? "", solution: files["\(folder)/solution.sql"] ?? "",
            hints: hints, explanation: files["\(folder)/explanation.md"] ?? "", wrongQueries: wrongQueries,
            traps: (fields["traps"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            folder: folder)
    }

    /// The `key: value` lines of `exercise.txt`: the single-valued fields, and the `column:` lines in order.
    static func parseMetadata(_ metadata: String, problem: ProblemReporter) -> (fields: [String: String], columns: [ResultContract.Column]) {
        var fields: [String: String] = [:]
        var columns: [ResultContract.Column] = []
        for (number, rawLine) in metadata.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let (key, value) = keyValue(line) else {
                problem("exercise.txt", "line \(number + 1) is not 'key: value'")
                continue
            }
            switch key {
            case "column":
                if let column = parseColumn(value, line: number + 1, problem: problem) { columns.append(column) }
            case "id", "title", "difficulty", "dataset", "scale", "seed", "order", "traps":
                if fields[key] != nil { problem("exercise.txt", "line \(number + 1): '\(key)' is given twice") }
                fields[key] = value
            default:
                problem("exercise.txt", "line \(number + 1): unknown key '\(key)'; see Exercises/README.md for the keys")
            }
        }
        return (fields, columns)
    }

    /// A `column: name | kind` or `column: name | kind | decimals` line's value.
    static func parseColumn(_ value: String, line: Int, problem: ProblemReporter) -> ResultContract.Column? {
        let parts = value.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (2...3).contains(parts.count), !parts[0].isEmpty else {
            problem("exercise.txt", "line \(line): write a column as 'column: name | kind' or 'column: name | kind | decimals'")
            return nil
        }
        guard let kind = ResultContract.Kind(rawValue: parts[1].lowercased()) else {
            problem("exercise.txt", "line \(line): unknown column kind '\(parts[1])'; use one of \(ResultContract.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        var decimals: Int?
        if parts.count == 3 {
            guard let value = Int(parts[2]), (0...12).contains(value) else {
                problem("exercise.txt", "line \(line): decimals must be a whole number from 0 to 12, not '\(parts[2])'")
                return nil
            }
            decimals = value
        }
        return ResultContract.Column(name: parts[0], kind: kind, decimals: decimals)
    }

    /// The id check, title, difficulty and dataset (scale and seed) of `exercise.txt`.
    static func parseSettings(
        _ fields: [String: String], id: String, seed defaultSeed: UInt64, problem: ProblemReporter
    ) -> (title: String, difficulty: Exercise.Difficulty?, spec: DatasetSpec) {
        if let declared = fields["id"], declared != id {
            problem("exercise.txt", "id is '\(declared)' but the folder and course.txt say '\(id)'; they must agree")
        } else if fields["id"] == nil {
            problem("exercise.txt", "has no 'id:' line")
        }
        let title = fields["title"] ?? ""
        if title.isEmpty { problem("exercise.txt", "has no 'title:' line") }
        let difficulty = Exercise.Difficulty(rawValue: fields["difficulty"]?.lowercased() ?? "")
        if difficulty == nil {
            problem("exercise.txt", "difficulty must be easy, medium or hard, not '\(fields["difficulty"] ?? "")'")
        }
        if let dataset = fields["dataset"], dataset != "shop" {
            problem("exercise.txt", "dataset '\(dataset)' is unknown; the only dataset is shop")
        }
        var spec = DatasetSpec(seed: defaultSeed, scale: .default)
        if let scaleText = fields["scale"] {
            if let scale = Scale(parsing: scaleText) { spec.scale = scale } else {
                problem("exercise.txt", "scale '\(scaleText)' is not tiny, default, large or a factor such as 0.5")
            }
        }
        if let seedText = fields["seed"] {
            if let seed = UInt64(seedText) { spec.seed = seed } else { problem("exercise.txt", "seed must be a whole number, not '\(seedText)'") }
        }
        return (title, difficulty, spec)
    }

    /// The `order:` line: `any`, or sort keys (`column` or `column desc`) naming the columns (lowercased).
    static func parseOrder(_ order: String?, columns names: [String], problem: ProblemReporter) -> [ResultContract.SortKey] {
        guard let order else {
            problem("exercise.txt", "has no 'order:' line; write 'order: any' or the sort keys")
            return []
        }
        guard order.lowercased() != "any" else { return [] }
        var sortKeys: [ResultContract.SortKey] = []
        for part in order.split(separator: ",") {
            let words = part.split(separator: " ").map { $0.lowercased() }
            guard let name = words.first, (1...2).contains(words.count),
                  words.count == 1 || words[1] == "desc" || words[1] == "asc"
            else {
                problem("exercise.txt", "order '\(order)': write sort keys as 'column' or 'column desc', separated by commas, or 'any'")
                continue
            }
            guard let index = names.firstIndex(of: name) else {
                problem("exercise.txt", "order names '\(name)', which is not one of the columns (\(names.joined(separator: ", ")))")
                continue
            }
            sortKeys.append(ResultContract.SortKey(column: index, descending: words.count == 2 && words[1] == "desc"))
        }
        return sortKeys
    }

    /// The texts: none empty, and their numbers about the data (placeholders, checked numbers)
    /// parse and name declared columns.
    static func checkTexts(_ files: [String: String], folder: String, columns: [ResultContract.Column], problem: ProblemReporter) {
        for file in ["prompt.md", "solution.sql", "explanation.md"] {
            if let text = files["\(folder)/\(file)"], text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problem(file, "is empty")
            }
        }
        for file in ["prompt.md", "hints.md", "explanation.md"] {
            guard let text = files["\(folder)/\(file)"] else { continue }
            for message in DataNumbers.syntaxProblems(in: text, columns: columns.map(\.name), allowPlaceholders: file != "prompt.md") {
                problem(file, message)
            }
        }
    }

    /// The known-wrong queries in `wrong/`, by file name, each starting with `-- mistake: …`, optionally
    /// followed by a `-- trap: NAME` line naming the trap of `traps:` it captures.
    static func parseWrongQueries(_ files: [String: String], folder: String, problem: ProblemReporter) -> [Exercise.WrongQuery] {
        var wrongQueries: [Exercise.WrongQuery] = []
        let wrongPrefix = "\(folder)/wrong/"
        for path in files.keys.filter({ $0.hasPrefix(wrongPrefix) }).sorted() {
            let name = String(path.dropFirst(wrongPrefix.count))
            guard name.hasSuffix(".sql"), !name.contains("/") else {
                problem("wrong/\(name)", "only .sql files belong in wrong/")
                continue
            }
            let sql = files[path] ?? ""
            let lines = sql.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            func value(of line: String?, key: String) -> String? {
                guard let line, line.lowercased().hasPrefix(key) else { return nil }
                return line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
            }
            guard let mistake = value(of: lines.first, key: "-- mistake:"), !mistake.isEmpty else {
                problem("wrong/\(name)", "must start with a line '-- mistake: what is wrong, in plain words'")
                continue
            }
            // The comment lines that open the file, after the mistake line, may hold one `-- trap:` line.
            let header = lines.dropFirst().prefix { $0.hasPrefix("--") }
            let trapLines = header.compactMap { value(of: $0, key: "-- trap:") }
            if trapLines.count > 1 {
                problem("wrong/\(name)", "has \(trapLines.count) '-- trap:' lines; a known-wrong query names at most one trap, so split it into one query per mistake")
                continue
            }
            if let trap = trapLines.first, trap.isEmpty || trap.contains(",") {
                problem("wrong/\(name)", "'-- trap: \(trap)' must name one trap from exercise.txt's 'traps:' line, e.g. '-- trap: integer-division'")
                continue
            }
            wrongQueries.append(Exercise.WrongQuery(name: String(name.dropLast(4)), mistake: mistake, trap: trapLines.first, sql: sql))
        }
        return wrongQueries
    }
}
