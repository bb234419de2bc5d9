import Foundation
import SQLPrepData

/// Parses a course from its files. Pure: the files come in as a path → text map, from a folder on
/// disk or from the copy compiled into the binary.
public enum CourseLoader {
    public static let formatVersion = 1
    static let manifestName = "course.txt"
    static let requiredFiles = ["exercise.txt", "prompt.md", "solution.sql", "hints.md", "explanation.md"]

    /// Reads every regular file under `directory` (symlinks are not followed), then parses.
    public static func load(directory: String) -> Result<Course, CourseProblems> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(CourseProblems(origin: directory, problems: [CourseProblem(file: directory, "no such folder")]))
        }
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var files: [String: String] = [:]
        var problems: [CourseProblem] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) {
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
                guard values?.isRegularFile == true else { continue }
                let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
                if (values?.fileSize ?? 0) > 1_000_000 {
                    problems.append(CourseProblem(file: relative, "is larger than 1 MB; course files are short text"))
                    continue
                }
                guard let data = try? Data(contentsOf: url) else {
                    problems.append(CourseProblem(file: relative, "cannot be read (check its permissions)"))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    problems.append(CourseProblem(file: relative, "is not UTF-8 text; save it as UTF-8"))
                    continue
                }
                files[relative] = text
            }
        }
        switch load(files: files, origin: directory) {
        case .success(let course) where problems.isEmpty: return .success(course)
        case .success: return .failure(CourseProblems(origin: directory, problems: problems))
        case .failure(let failure): return .failure(CourseProblems(origin: directory, problems: problems + failure.problems))
        }
    }

    public static func load(files: [String: String], origin: String) -> Result<Course, CourseProblems> {
        var problems: [CourseProblem] = []
        guard let manifestText = files[manifestName] else {
            return .failure(CourseProblems(origin: origin, problems: [
                CourseProblem(file: manifestName, "missing: a course needs a manifest listing its tracks and exercises (see Exercises/README.md)")
            ]))
        }
        guard let manifest = parseManifest(manifestText, problems: &problems) else {
            return .failure(CourseProblems(origin: origin, problems: problems))
        }

        var exercises: [Exercise] = []
        var seenIDs: [String: String] = [:]
        var listedFolders = Set<String>()
        for (track, ids) in manifest.tracks {
            for id in ids {
                let folder = "\(track.folder)/\(id)"
                listedFolders.insert(folder)
                if let previous = seenIDs[id] {
                    problems.append(CourseProblem(exerciseID: id, file: manifestName, "id '\(id)' is listed twice (also in \(previous)); ids must be unique"))
                    continue
                }
                seenIDs[id] = track.folder
                if let exercise = parseExercise(id: id, folder: folder, track: track, files: files, seed: manifest.seed, problems: &problems) {
                    exercises.append(exercise)
                }
            }
        }
        // Folders on disk that the manifest does not list.
        let folders = Set(files.keys.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            guard parts.count >= 3 else { return nil }
            return "\(parts[0])/\(parts[1])"
        })
        for folder in folders.subtracting(listedFolders).sorted() {
            problems.append(CourseProblem(file: folder, "this exercise folder is not listed in course.txt; add its id under its track, or remove the folder"))
        }
        if exercises.isEmpty && problems.isEmpty {
            problems.append(CourseProblem(file: manifestName, "lists no exercises"))
        }
        guard problems.isEmpty else { return .failure(CourseProblems(origin: origin, problems: problems)) }
        return .success(Course(title: manifest.title, tracks: manifest.tracks.map(\.0), exercises: exercises, origin: origin))
    }

    // MARK: - Manifest

    struct Manifest {
        var title = "Untitled course"
        var seed = DatasetSpec.defaultSeed
        var tracks: [(Track, [String])] = []
    }

    static func parseManifest(_ text: String, problems: inout [CourseProblem]) -> Manifest? {
        var manifest = Manifest()
        var version: Int?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(manifestName) line \(number + 1)"
            if let (key, value) = keyValue(line) {
                switch key {
                case "format_version":
                    guard let parsed = Int(value) else {
                        problems.append(CourseProblem(file: place, "format_version must be a whole number, not '\(value)'"))
                        return nil
                    }
                    version = parsed
                case "title": manifest.title = value
                case "seed":
                    guard let seed = UInt64(value) else {
                        problems.append(CourseProblem(file: place, "seed must be a whole number, not '\(value)'"))
                        continue
                    }
                    manifest.seed = seed
                case "description": break
                case "track":
                    let parts = value.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard let folder = parts.first, !folder.isEmpty, isSafeName(folder) else {
                        problems.append(CourseProblem(file: place, "write a track as 'track: FOLDER | Title', with a folder name of letters, digits and -"))
                        continue
                    }
                    manifest.tracks.append((Track(folder: folder, title: parts.count > 1 ? parts[1] : folder), []))
                default:
                    problems.append(CourseProblem(file: place, "unknown key '\(key)'; the manifest knows format_version, title, description, seed and track"))
                }
            } else {
                guard isSafeName(line) else {
                    problems.append(CourseProblem(file: place, "'\(line)' is not an exercise id: use lowercase letters, digits and -"))
                    continue
                }
                guard !manifest.tracks.isEmpty else {
                    problems.append(CourseProblem(file: place, "exercise '\(line)' comes before any 'track:' line"))
                    continue
                }
                manifest.tracks[manifest.tracks.count - 1].1.append(line)
            }
        }
        guard let version else {
            problems.append(CourseProblem(file: manifestName, "has no format_version line; add 'format_version: \(formatVersion)' at the top"))
            return nil
        }
        guard version == formatVersion else {
            let advice = version > formatVersion ? "it was written for a newer sqlprep; upgrade sqlprep" : "convert it to format \(formatVersion)"
            problems.append(CourseProblem(file: manifestName, "uses format_version \(version), but this sqlprep reads version \(formatVersion): \(advice)"))
            return nil
        }
        return manifest
    }

    static func keyValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return (key.lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 80 && name.first != "-"
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    // MARK: - Exercise

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
                let parts = value.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard (2...3).contains(parts.count), !parts[0].isEmpty else {
                    problem("exercise.txt", "line \(number + 1): write a column as 'column: name | kind' or 'column: name | kind | decimals'")
                    continue
                }
                guard let kind = ResultContract.Kind(rawValue: parts[1].lowercased()) else {
                    problem("exercise.txt", "line \(number + 1): unknown column kind '\(parts[1])'; use one of \(ResultContract.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                var decimals: Int?
                if parts.count == 3 {
                    guard let value = Int(parts[2]), (0...12).contains(value) else {
                        problem("exercise.txt", "line \(number + 1): decimals must be a whole number from 0 to 12, not '\(parts[2])'")
                        continue
                    }
                    decimals = value
                }
                columns.append(ResultContract.Column(name: parts[0], kind: kind, decimals: decimals))
            case "id", "title", "difficulty", "dataset", "scale", "seed", "order", "traps":
                if fields[key] != nil { problem("exercise.txt", "line \(number + 1): '\(key)' is given twice") }
                fields[key] = value
            default:
                problem("exercise.txt", "line \(number + 1): unknown key '\(key)'; see Exercises/README.md for the keys")
            }
        }

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
        if columns.isEmpty { problem("exercise.txt", "has no 'column:' lines; list the output columns in order") }
        let names = columns.map { $0.name.lowercased() }
        if Set(names).count != names.count { problem("exercise.txt", "two columns have the same name") }

        var sortKeys: [ResultContract.SortKey] = []
        if let order = fields["order"] {
            if order.lowercased() != "any" {
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
            }
        } else {
            problem("exercise.txt", "has no 'order:' line; write 'order: any' or the sort keys")
        }

        let hints = parseHints(files["\(folder)/hints.md"] ?? "")
        if files["\(folder)/hints.md"] != nil && hints.isEmpty { problem("hints.md", "holds no hints; write 2–3, separated by lines of ---") }
        for file in ["prompt.md", "solution.sql", "explanation.md"] {
            if let text = files["\(folder)/\(file)"], text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problem(file, "is empty")
            }
        }

        // Numbers about the data: placeholders and checked numbers must parse and name declared columns.
        for file in ["prompt.md", "hints.md", "explanation.md"] {
            guard let text = files["\(folder)/\(file)"] else { continue }
            for message in DataNumbers.syntaxProblems(in: text, columns: columns.map(\.name), allowPlaceholders: file != "prompt.md") {
                problem(file, message)
            }
        }

        var wrongQueries: [Exercise.WrongQuery] = []
        let wrongPrefix = "\(folder)/wrong/"
        for path in files.keys.filter({ $0.hasPrefix(wrongPrefix) }).sorted() {
            let name = String(path.dropFirst(wrongPrefix.count))
            guard name.hasSuffix(".sql"), !name.contains("/") else {
                problem("wrong/\(name)", "only .sql files belong in wrong/")
                continue
            }
            let sql = files[path] ?? ""
            guard let mistake = sql.split(separator: "\n").first.flatMap({ line -> String? in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.lowercased().hasPrefix("-- mistake:") else { return nil }
                return trimmed.dropFirst("-- mistake:".count).trimmingCharacters(in: .whitespaces)
            }), !mistake.isEmpty else {
                problem("wrong/\(name)", "must start with a line '-- mistake: what is wrong, in plain words'")
                continue
            }
            wrongQueries.append(Exercise.WrongQuery(name: String(name.dropLast(4)), mistake: mistake, sql: sql))
        }

        guard problems.count == before, let difficulty else { return nil }
        return Exercise(
            id: id, title: title, track: track, difficulty: difficulty, dataset: spec,
            contract: ResultContract(columns: columns, sortKeys: sortKeys),
            prompt: files["\(folder)/prompt.md"] ?? "", solution: files["\(folder)/solution.sql"] ?? "",
            hints: hints, explanation: files["\(folder)/explanation.md"] ?? "", wrongQueries: wrongQueries,
            traps: (fields["traps"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            folder: folder)
    }

    /// Hints are separated by lines of `---`; a hint may start with `when: CODE`.
    static func parseHints(_ text: String) -> [Exercise.Hint] {
        var hints: [Exercise.Hint] = []
        var current: [Substring] = []
        func flush() {
            var lines = current
            current = []
            while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
            var diagnosis: String?
            if let first = lines.first, first.lowercased().hasPrefix("when:") {
                diagnosis = first.dropFirst(5).trimmingCharacters(in: .whitespaces)
                lines.removeFirst()
            }
            let body = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !body.isEmpty { hints.append(Exercise.Hint(text: body, diagnosis: diagnosis)) }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces) == "---" { flush() } else { current.append(line) }
        }
        flush()
        return hints
    }
}
