import Foundation
import SQLPrepText

/// The class list (`--roster roster.csv`): a header row with `id`, and optionally `name` and `email`.
/// Learners on the roster who submitted nothing are graded zero with reason `missing`.
public struct Roster: Sendable, Hashable {
    public struct Learner: Sendable, Hashable {
        public let id: String
        public let name: String
        public let email: String
    }

    public let learners: [Learner]

    public func learner(_ id: String) -> Learner? { learners.first { $0.id == id } }

    /// Reads and parses the roster file at `path`.
    public static func load(file path: String) throws -> Roster {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw GradingError.output("Cannot read the roster \(path).") }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> Roster {
        let records = CSV.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = records.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw GradingError.badInput(file: file, problems: ["is empty; write a header row 'id,name,email' and one row per learner"])
        }
        guard let idColumn = header.firstIndex(of: "id") else {
            throw GradingError.badInput(file: file, problems: ["the header row has no 'id' column (found: \(header.joined(separator: ", ")))"])
        }
        let nameColumn = header.firstIndex(of: "name"), emailColumn = header.firstIndex(of: "email")
        var learners: [Learner] = []
        var problems: [String] = []
        for (offset, record) in records.dropFirst().enumerated() {
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func field(_ index: Int?) -> String {
                guard let index, index < record.count else { return "" }
                return record[index].trimmingCharacters(in: .whitespaces)
            }
            let id = field(idColumn)
            guard Submissions.isSafeLearnerID(id) else {
                problems.append("row \(offset + 2): '\(id)' is not a usable learner id (letters, digits, . _ - @, no slashes)")
                continue
            }
            if learners.contains(where: { $0.id == id }) {
                problems.append("row \(offset + 2): learner '\(id)' appears twice")
                continue
            }
            learners.append(Learner(id: id, name: field(nameColumn), email: field(emailColumn)))
        }
        guard problems.isEmpty else { throw GradingError.badInput(file: file, problems: problems) }
        return Roster(learners: learners)
    }
}
