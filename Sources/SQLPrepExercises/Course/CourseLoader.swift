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
