import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepSandbox

/// Lints a course the way `rustlings dev check` does: the content is checked as a product feature.
///
/// For every exercise: the reference runs in the sandbox and returns rows with the contract's
/// column count; the result is not trivially constant (it changes on another seed); an ordered
/// contract has an ORDER BY and the reference follows it; there are at least two hints and two
/// known-wrong queries; every trap the exercise lists is captured by a known-wrong query
/// (``trapProblems(of:)``); every known-wrong query runs and fails; every number about the data in
/// the texts still agrees with the reference (``DataNumbers``); and the stored expected result
/// (when a fixtures folder is given) still matches.
public struct CourseValidator {
    /// Supplies a sandbox for a dataset spec (the CLI caches images on disk; tests keep them in memory).
    public let sandbox: (DatasetSpec) throws -> Sandbox
    /// `Fixtures/expected/`, or nil to skip the stored-result check.
    public let expectedFolder: String?

    public init(expectedFolder: String?, sandbox: @escaping (DatasetSpec) throws -> Sandbox) {
        self.expectedFolder = expectedFolder
        self.sandbox = sandbox
    }

    /// The seed used to check that a reference result depends on the data.
    public static func variantSeed(of spec: DatasetSpec) -> DatasetSpec {
        DatasetSpec(seed: spec.seed &+ 1, scale: spec.scale)
    }

    /// - Parameter onWrongVerdict: given each known-wrong query's verdict as it is checked (for tests
    ///   that look at what a learner would be told, without running every query a second time).
    public func validate(_ exercise: Exercise, onWrongVerdict: ((Exercise.WrongQuery, Verdict) -> Void)? = nil) -> [CourseProblem] {
        var problems: [CourseProblem] = []
        func problem(_ file: String, _ message: String) {
            problems.append(CourseProblem(exerciseID: exercise.id, file: "\(exercise.folder)/\(file)", message))
        }
        if exercise.hints.count < 2 { problem("hints.md", "has \(exercise.hints.count) hint(s); write at least 2, separated by lines of ---") }
        if exercise.wrongQueries.count < 2 { problem("wrong/", "has \(exercise.wrongQueries.count) known-wrong quer\(exercise.wrongQueries.count == 1 ? "y" : "ies"); write at least 2") }
        for hint in exercise.hints {
            if let code = hint.diagnosis, Diagnosis.Code(rawValue: code) == nil {
                problem("hints.md", "'when: \(code)' names no diagnosis; use one of \(Diagnosis.Code.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        problems += CourseValidator.trapProblems(of: exercise)

        let checker: Checker
        let reference: QueryResult
        do {
            checker = Checker(sandbox: try sandbox(exercise.dataset), dataset: exercise.dataset)
            reference = try checker.reference(for: exercise)
        } catch let error as CourseProblem {
            return problems + [error]
        } catch {
            return problems + [CourseProblem(exerciseID: exercise.id, file: exercise.folder, "the dataset could not be built: \(error)")]
        }

        if reference.rows.isEmpty { problem("solution.sql", "returns no rows; a reference must return the answer") }
        if reference.columns.count != exercise.contract.columns.count {
            problem("exercise.txt", "lists \(exercise.contract.columns.count) columns but solution.sql returns \(reference.columns.count) (\(reference.columns.joined(separator: ", ")))")
            return problems
        }
        let comparison = ResultComparison(contract: exercise.contract)
        if exercise.contract.isOrdered {
            let code = SQLTextNotes.stripStringsAndComments(exercise.solution).lowercased()
            if code.range(of: #"order\s+by"#, options: .regularExpression) == nil {
                problem("solution.sql", "has no ORDER BY, but exercise.txt asks for order: \(exercise.contract.orderDescription)")
            } else if let row = comparison.firstOutOfOrder(reference.rows) {
                problem("solution.sql", "row \(row + 1) of its result breaks the declared order (\(exercise.contract.orderDescription)); make ORDER BY match exercise.txt")
            }
        }
        for (index, column) in exercise.contract.columns.enumerated() where column.kind.isNumeric {
            if let bad = reference.rows.first(where: { !$0[index].isNull && $0[index].numericValue == nil }) {
                problem("solution.sql", "column \(column.name) is declared \(column.kind.rawValue) but holds \(bad[index].typeName) '\(bad[index])'")
            }
        }

        // Not trivially constant: another seed must give another answer.
        do {
            let variant = CourseValidator.variantSeed(of: exercise.dataset)
            let other = try Checker(sandbox: try sandbox(variant), dataset: variant).reference(for: exercise)
            if comparison.compare(expected: reference, actual: other).passed {
                problem("solution.sql", "returns the same result on another seed (\(variant.seed)); the answer must depend on the data, or a hard-coded answer would pass")
            }
        } catch {
            problem("solution.sql", "fails on another seed: \(error)")
        }

        // Numbers about the data in the texts: every placeholder resolves, every checked number holds.
        let texts = [("prompt.md", exercise.prompt), ("explanation.md", exercise.explanation)]
            + exercise.hints.enumerated().map { ("hints.md", $0.element.text) }
        for (file, text) in texts {
            for message in DataNumbers.problems(in: text, contract: exercise.contract, reference: reference) {
                problem(file, message + " (the reference on seed \(exercise.dataset.seed), scale \(exercise.dataset.scale))")
            }
        }

        var seen: [String: [String]] = [:]  // diagnosis code → the known-wrong queries that show it
        for wrong in exercise.wrongQueries {
            do {
                let verdict = try checker.check(Array(wrong.sql.utf8), against: exercise, reference: reference)
                onWrongVerdict?(wrong, verdict)
                for code in verdict.diagnosisCodes { seen[code, default: []].append(wrong.name) }
                switch verdict.status {
                case .pass:
                    problem("wrong/\(wrong.name).sql", "passes against the reference; a known-wrong query must fail (\(wrong.mistake))")
                case .error:
                    problem("wrong/\(wrong.name).sql", "does not run (\(verdict.failure?.message ?? "")); a known-wrong query must run and give a wrong result")
                case .fail:
                    break
                }
            } catch {
                problem("wrong/\(wrong.name).sql", "could not be checked: \(error)")
            }
        }

        // A hint for a mistake must be reachable: some known-wrong query must show that mistake.
        for (index, hint) in exercise.hints.enumerated() {
            guard let code = hint.diagnosis, Diagnosis.Code(rawValue: code) != nil, seen[code] == nil else { continue }
            let found = seen.keys.sorted().map { "\($0) (\(seen[$0]!.joined(separator: ", ")))" }
            problem("hints.md", "hint \(index + 1) is for 'when: \(code)', but no known-wrong query is diagnosed \(code), so nothing tests that it is ever shown; "
                + "add a known-wrong query with that mistake, or name a code they get: \(found.isEmpty ? "none" : found.joined(separator: "; "))")
        }

        if let expectedFolder {
            let path = "\(expectedFolder)/\(exercise.id).txt"
            let current = ExpectedResult.render(reference, exercise: exercise)
            if let stored = try? String(contentsOfFile: path, encoding: .utf8) {
                if stored != current {
                    problems.append(CourseProblem(exerciseID: exercise.id, file: path, "the stored expected result no longer matches the reference; if the change is intended, run sqlprep validate --update-expected"))
                }
            } else {
                problems.append(CourseProblem(exerciseID: exercise.id, file: path, "missing; run sqlprep validate --update-expected to write it"))
            }
        }
        return problems
    }

    /// Trap coverage: every trap in `traps:` is a known trap name and is named by the `-- trap:` line of
    /// at least one known-wrong query, and every `-- trap:` line names a trap the exercise lists. Known-wrong
    /// queries must fail (``validate(_:)`` checks it), so each trap is shown by a failing query.
    public static func trapProblems(of exercise: Exercise) -> [CourseProblem] {
        var problems: [CourseProblem] = []
        func problem(_ file: String, _ message: String) {
            problems.append(CourseProblem(exerciseID: exercise.id, file: "\(exercise.folder)/\(file)", message))
        }
        let known = Exercise.trapNames.joined(separator: ", ")
        let listed = exercise.traps.isEmpty ? "it lists none" : "it lists \(exercise.traps.joined(separator: ", "))"
        for trap in exercise.traps where !Exercise.trapNames.contains(trap) {
            problem("exercise.txt", "'traps:' names '\(trap)', which is no trap; use one of \(known)")
        }
        for wrong in exercise.wrongQueries {
            guard let trap = wrong.trap else { continue }
            if !Exercise.trapNames.contains(trap) {
                problem("wrong/\(wrong.name).sql", "'-- trap: \(trap)' names no trap; use one of \(known)")
            } else if !exercise.traps.contains(trap) {
                problem("wrong/\(wrong.name).sql", "'-- trap: \(trap)' names a trap that exercise.txt does not list (\(listed)); add it to 'traps:' there, or correct or remove this line")
            }
        }
        let captured = Set(exercise.wrongQueries.compactMap(\.trap))
        for trap in exercise.traps where Exercise.trapNames.contains(trap) && !captured.contains(trap) {
            problem("exercise.txt", "lists the trap '\(trap)', but no known-wrong query captures it; add a query to wrong/ that makes this mistake, "
                + "with the line '-- trap: \(trap)' after its '-- mistake:' line (or, if the data cannot show the mistake, drop it from 'traps:')")
        }
        return problems
    }

    /// Writes the reference result of every exercise into `folder`, one readable text file each.
    public func updateExpected(_ course: Course, folder: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written = 0
        for exercise in course.exercises {
            let checker = Checker(sandbox: try sandbox(exercise.dataset), dataset: exercise.dataset)
            let text = ExpectedResult.render(try checker.reference(for: exercise), exercise: exercise)
            let path = "\(folder)/\(exercise.id).txt"
            if (try? String(contentsOfFile: path, encoding: .utf8)) != text {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                written += 1
            }
        }
        return written
    }
}
