import Foundation
import TestSupport
import Testing

/// The hostile-submission corpus (`Tests/EndToEndTests/Adversarial/`): every case through the built
/// binary, and the whole corpus through `sqlprep grade` inside a class of ordinary submissions.
struct AdversarialCase: CustomTestStringConvertible, Sendable {
    let file: String
    let expected: String
    let mentions: String
    var testDescription: String { file }

    static let folder = Checkout.root.appendingPathComponent("Tests/EndToEndTests/Adversarial")

    static let all: [AdversarialCase] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            return AdversarialCase(file: parts[0], expected: parts[1], mentions: parts.count > 2 ? parts[2] : "")
        }
    }()

    var path: String { Self.folder.appendingPathComponent(file).path }
}

/// Files the corpus tries to create; none may exist afterwards.
let forbiddenPaths = [
    "/tmp/sqlprep-adversarial-attach.db", "/tmp/sqlprep-adversarial-vacuum.db", "/tmp/sqlprep-adversarial-write.txt",
    "/tmp/sqlprep-adversarial.so",
]

@Suite("Adversarial corpus")
struct AdversarialCorpusTests {
    @Test("The corpus has at least 60 cases")
    func size() {
        #expect(AdversarialCase.all.count >= 60)
    }

    @Test("Each hostile query gets its verdict, is stopped, and changes nothing", arguments: AdversarialCase.all)
    func hostile(_ case: AdversarialCase) throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = try CLI.run(
            ["run", `case`.path, "--scale", "tiny", "--time-limit", "1", "--memory-limit", "256"],
            in: folder, environment: ["TMPDIR": folder + "/"])
        let label: String
        switch true {
        case out.status == 0: label = "ok"
        case out.stdout.hasPrefix("Refused:"): label = "refused"
        case out.stdout.hasPrefix("SQL error:"): label = "sql_error"
        case out.stdout.hasPrefix("Ran too long:"): label = "timeout"
        case out.stdout.hasPrefix("Limit reached:"): label = "limit"
        case out.stdout.hasPrefix("Invalid input:"): label = "invalid_input"
        case out.stdout.hasPrefix("Empty query:"): label = "empty"
        default: label = "unexpected"
        }
        #expect([0, 1].contains(out.status), "no crash: exit \(out.status)\n\(out.stderr.prefix(500))")
        switch `case`.expected {
        case "limit-or-timeout": #expect(label == "limit" || label == "timeout", "\(label): \(out.stdout.prefix(300))")
        case "any-failure": #expect(label != "ok" && label != "unexpected", "\(label): \(out.stdout.prefix(300))")
        default: #expect(label == `case`.expected, "\(label): \(out.stdout.prefix(300))")
        }
        if !`case`.mentions.isEmpty {
            #expect(out.stdout.contains(`case`.mentions), "\(out.stdout.prefix(300))")
        }
        // A safety property, not a speed test: the query is stopped and sqlprep returns, far inside the
        // command's own timeout even on a busy machine.
        #expect(out.seconds < 1 + 15, "returned after \(out.seconds) s")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "no file created")
        for path in forbiddenPaths { #expect(!FileManager.default.fileExists(atPath: path), "\(path) was created") }
    }

    @Test("The dataset cannot be changed: after the corpus, the fingerprint is the pinned one")
    func datasetUnchanged() throws {
        for hostile in AdversarialCase.all.prefix(30) {
            _ = try CLI.run(["run", hostile.path, "--scale", "tiny", "--time-limit", "1"])
        }
        let info = try CLI.run(["dataset", "info", "--scale", "tiny"])
        #expect(info.stdout.contains("fingerprint:       6f48d2784c24129c"))
    }

    @Test("Hostile submissions in a class change no one else's grade")
    func gradingIsolation() throws {
        let root = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reference = try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql")
        let wrongFiles = try FileManager.default.contentsOfDirectory(atPath: LearnerJourneyTests.solutions.appendingPathComponent("01-warm-up/orders-by-status/wrong").path).sorted()
        func write(_ learner: String, _ sql: Data, in folder: String) throws {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)/\(learner)", withIntermediateDirectories: true)
            try sql.write(to: URL(fileURLWithPath: "\(root)/\(folder)/\(learner)/orders-by-status.sql"))
        }
        for folder in ["calm", "mixed"] {
            try write("ordinary-ref", Data(reference.utf8), in: folder)
            for (index, wrong) in wrongFiles.enumerated() {
                try write("ordinary-wrong-\(index)", Data(try LearnerJourneyTests.file("01-warm-up/orders-by-status/wrong/" + wrong).utf8), in: folder)
            }
        }
        for hostile in AdversarialCase.all {
            try write("hostile-" + hostile.file.replacingOccurrences(of: ".sql", with: ""), try Data(contentsOf: URL(fileURLWithPath: hostile.path)), in: "mixed")
        }
        try "exercise: orders-by-status | 10\n".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        for folder in ["calm", "mixed"] {
            let out = try CLI.run(["grade", "\(root)/\(folder)", "--out", "\(root)/out-\(folder)", "--assignment", root + "/a.txt",
                                   "--secret", "s", "--variants", "1", "--time-limit", "1", "--memory-limit", "256", "--jobs", "2", "--no-reuse"])
            #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        }
        // Compared as numbers: a gradebook column's decimals follow the whole class (2.50 makes 10 read 10.00).
        func ordinaryRows(_ folder: String) throws -> [String] {
            try String(contentsOfFile: "\(root)/out-\(folder)/gradebook.csv", encoding: .utf8).split(separator: "\r\n").filter { $0.hasPrefix("ordinary") }
                .map { row in row.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { $0 < 3 ? String($1) : String(Double($1) ?? -1) }.joined(separator: ",") }
        }
        #expect(try ordinaryRows("calm") == ordinaryRows("mixed"))
        #expect(try ordinaryRows("calm").count == wrongFiles.count + 1)
        for learner in ["ordinary-ref"] + wrongFiles.indices.map({ "ordinary-wrong-\($0)" }) {
            #expect(FileManager.default.contents(atPath: "\(root)/out-calm/results/\(learner).json") == FileManager.default.contents(atPath: "\(root)/out-mixed/results/\(learner).json"))
        }
        let book = try String(contentsOfFile: "\(root)/out-mixed/gradebook.csv", encoding: .utf8)
        let deleter = book.split(separator: "\r\n").first { $0.hasPrefix("hostile-001-stmt-delete-0,") }?.split(separator: ",", omittingEmptySubsequences: false)
        #expect(deleter.map { Double($0[3]) } == 0)
    }
}
