import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLiteKit
import Testing

/// A reference result by device, as in the checkout experiment, with its contract.
enum DeviceResult {
    static let contract = ResultContract(columns: [
        .init(name: "device", kind: .text),
        .init(name: "users", kind: .count),
        .init(name: "lift_pct", kind: .percent, decimals: 1),
        .init(name: "cpo", kind: .money, decimals: 2),
    ])
    static let result = QueryResult(columns: ["device", "users", "lift_pct", "cpo"], rows: [
        [.text("desktop"), .integer(1072), .real(2.7), .real(1234.5)],
        [.text("mobile"), .integer(1085), .real(10.8), .real(24.42)],
        [.text("tablet"), .integer(232), .real(50.6), .null],
    ])
    static var columns: [String] { contract.columns.map(\.name) }
}

struct NumberCase: CustomTestStringConvertible, Sendable {
    let text: String
    /// What a learner reads; nil when the text must not parse.
    let rendered: String?
    /// Words the validation problem must contain; empty when the text agrees with the result.
    let problem: String
    var testDescription: String { text }
}

@Suite("Course loader: numbers about the data")
struct CourseLoaderNumberTests {
    static let cases: [NumberCase] = [
        NumberCase(text: "Mobile gains {{lift_pct[device=mobile]}} %.", rendered: "Mobile gains 10.8 %.", problem: ""),
        NumberCase(text: "{{users[device='desktop']}} users", rendered: "1,072 users", problem: ""),
        NumberCase(text: "Row 3 is {{device[#3]}}; CPO {{cpo[device=desktop]}}", rendered: "Row 3 is tablet; CPO 1,234.50", problem: ""),
        NumberCase(text: "{{about a tenth | lift_pct[device=mobile] in 9..12}} on mobile", rendered: "about a tenth on mobile", problem: ""),
        NumberCase(text: "{{$24.42 | cpo[device=mobile] = 24.42}}", rendered: "$24.42", problem: ""),
        NumberCase(text: "far less{{| lift_pct[device=desktop] < lift_pct[device=mobile] / 2; users[#1] + users[#2] > 2000}}.", rendered: "far less.", problem: ""),
        // Stale: the number no longer holds.
        NumberCase(text: "Mobile {{gains a fifth | lift_pct[device=mobile] in 18..22}}.", rendered: "Mobile gains a fifth.", problem: "lift_pct[device=mobile] is 10.8"),
        NumberCase(text: "{{$24.50 | cpo[device=mobile] = 24.50}}", rendered: "$24.50", problem: "cpo[device=mobile] is 24.42"),
        NumberCase(text: "{{twice | lift_pct[device=tablet] > 10 * lift_pct[device=mobile]}}", rendered: "twice", problem: "lift_pct[device=tablet] is 50.6, lift_pct[device=mobile] is 10.8"),
        // Cells that do not resolve.
        NumberCase(text: "{{lift_pct[device=phone]}}", rendered: "(not available)", problem: "no row of the reference result has device = phone"),
        NumberCase(text: "{{lift_pct}}", rendered: "(not available)", problem: "has 3 rows"),
        NumberCase(text: "{{cpo[device=tablet]}}", rendered: "NULL", problem: "is NULL"),
        NumberCase(text: "{{lift_pct[#4]}}", rendered: "(not available)", problem: "has 3 rows"),
        // Syntax the loader refuses.
        NumberCase(text: "{{revenue[device=mobile]}}", rendered: nil, problem: "'revenue' is not a column"),
        NumberCase(text: "{{lift_pct[device=mobile]", rendered: nil, problem: "no closing"),
        NumberCase(text: "{{x | lift_pct[device=mobile] about 10}}", rendered: nil, problem: "needs a comparison"),
        NumberCase(text: "{{x | lift_pct[#1] in 5..1}}", rendered: nil, problem: "empty"),
    ]

    @Test("Placeholders render, checked numbers show their text, and stale ones are reported", arguments: cases)
    func numbers(_ case: NumberCase) {
        let syntax = DataNumbers.syntaxProblems(in: `case`.text, columns: DeviceResult.columns, allowPlaceholders: true)
        guard let rendered = `case`.rendered else {
            #expect(syntax.count == 1 && syntax[0].contains(`case`.problem), "\(syntax)")
            return
        }
        #expect(syntax.isEmpty, "\(syntax)")
        #expect(DataNumbers.render(`case`.text, contract: DeviceResult.contract, reference: DeviceResult.result) == rendered)
        let problems = DataNumbers.problems(in: `case`.text, contract: DeviceResult.contract, reference: DeviceResult.result)
        if `case`.problem.isEmpty {
            #expect(problems.isEmpty, "\(problems)")
        } else {
            #expect(problems.count == 1 && problems[0].contains(`case`.problem), "\(problems)")
        }
    }

    @Test("A placeholder in prompt.md is refused: the prompt is copied into the answer file before any query runs")
    func noPlaceholderInPrompt() {
        let problems = DataNumbers.syntaxProblems(in: "There are {{users[#1]}} users.", columns: DeviceResult.columns, allowPlaceholders: false)
        #expect(problems.count == 1 && problems[0].contains("prompt.md is copied"), "\(problems)")
        #expect(DataNumbers.syntaxProblems(in: "There are {{about a thousand | users[#1] > 1000}} users.", columns: DeviceResult.columns, allowPlaceholders: false).isEmpty)
    }

    @Test("The loader reports a number that names no column, in the file it is in")
    func loaderReportsSyntax() {
        switch SampleCourse.load({ $0["01-basics/count-users/explanation.md"] = "There are {{members}} users." }) {
        case .success: Issue.record("loaded")
        case .failure(let failure):
            let problem = failure.problems.first { $0.file.hasSuffix("explanation.md") }
            #expect(problem?.message.contains("'members' is not a column") == true, "\(failure.problems)")
        }
    }

    static func validate(explanation: String) throws -> (Exercise, [CourseProblem]) {
        let course = try SampleCourse.load { $0["01-basics/count-users/explanation.md"] = explanation }.get()
        let exercise = try #require(course.exercises.first)
        let validator = CourseValidator(expectedFolder: nil) { spec in Sandbox(image: try ShopDataset.image(for: spec)) }
        return (exercise, validator.validate(exercise))
    }

    @Test("validate fails on a stale number, naming the file and the real value, and passes a true one")
    func validateStaleNumber() throws {
        // The sample course counts the users of the tiny dataset: 1,000.
        let (_, stale) = try Self.validate(explanation: "The shop has {{about 900 users | users in 850..950}}.")
        let problem = try #require(stale.first { $0.file.hasSuffix("explanation.md") }, "\(stale)")
        #expect(problem.message.contains("users is 1000"), "\(problem)")
        #expect(problem.message.contains("seed \(DatasetSpec.defaultSeed), scale tiny"), "\(problem)")

        let (exercise, fine) = try Self.validate(explanation: "The shop has {{users}} users, {{about a thousand | users = 1000}}.")
        #expect(fine.filter { $0.file.hasSuffix("explanation.md") }.isEmpty, "\(fine)")
        let reference = try Checker(sandbox: Sandbox(image: try ShopDataset.image(for: exercise.dataset)), dataset: exercise.dataset).reference(for: exercise)
        #expect(exercise.textsNeedReference)
        #expect(exercise.explanationText(reference: reference) == "The shop has 1,000 users, about a thousand.")
    }
}
