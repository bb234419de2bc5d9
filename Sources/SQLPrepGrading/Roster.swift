import Foundation

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

/// RFC 4180 CSV: fields separated by commas, records by CRLF or LF, quoted fields with doubled quotes.
/// (A few lines here rather than a CSV dependency: the roster is the only CSV sqlprep reads.)
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar?
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let d = next() {
                        if d == "\"" { field.unicodeScalars.append(d) } else { quoted = false; pending = d }
                    } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", let d = next(), d != "\n" { pending = d }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
