import Foundation
import SQLPrepExercises
import SQLPrepText

/// Renders ``ClassGrades`` into the output folder's files. Pure: every function returns text, so
/// the same grades always give byte-identical files (nothing here reads a clock or the environment).
public enum GradeReports {
    /// Every output file, by path relative to the output folder.
    public static func files(_ grades: ClassGrades) -> [(String, String)] {
        var files: [(String, String)] = [
            ("grades.json", gradesJSON(grades)),
            ("gradebook.csv", gradebook(grades)),
            ("summary.json", summary(grades)),
            ("report.html", ReportHTML.render(grades)),
        ]
        for learner in grades.learners {
            files.append(("results/\(learner.learner).json", gradescope(learner, grades: grades)))
            files.append(("feedback/\(learner.learner).md", feedback(learner, grades: grades)))
        }
        return files
    }

    /// Writes the files into `folder` so that a reader never sees a half-written set: everything
    /// goes into a sibling temporary folder first, which then replaces `folder` in two renames.
    /// `extraFiles` (such as the shard manifest) are written with them.
    public static func write(_ grades: ClassGrades, to folder: String, extraFiles: [(String, String)] = []) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        do {
            // Leftovers of an interrupted run (any process) are removed, never mistaken for results.
            let prefixes = [".\(target.lastPathComponent).partial-", ".\(target.lastPathComponent).old-"]
            for name in (try? manager.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)) ?? []
            where prefixes.contains(where: name.hasPrefix) {
                try? manager.removeItem(at: target.deletingLastPathComponent().appendingPathComponent(name))
            }
            try manager.createDirectory(at: partial.appendingPathComponent("results"), withIntermediateDirectories: true)
            try manager.createDirectory(at: partial.appendingPathComponent("feedback"), withIntermediateDirectories: true)
            for (path, text) in files(grades) + extraFiles {
                try Data(text.utf8).write(to: partial.appendingPathComponent(path))
            }
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: old)
            }
            try manager.moveItem(at: partial, to: target)
            try? manager.removeItem(at: old)
        } catch {
            try? manager.removeItem(at: partial)
            throw GradingError.output("Cannot write the results to \(folder): \(error.localizedDescription). Check that its parent folder exists and is writable.")
        }
    }

    public static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    /// The grade files' JSON strings. results/<learner>.json and summary.json are built by hand, not with
    /// `JSONEncoder`: their layout (one test or exercise per line, `": "` spacing, fields in Gradescope's
    /// documented order) and their numbers (at most two decimals, see ``number(_:)``) are not what it writes.
    static func json(_ text: String) -> String { JSONText.string(text) }

    // MARK: grades.json

    static func gradesJSON(_ grades: ClassGrades) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(grades)) ?? Data(), as: UTF8.self) + "\n"
    }

    public static func loadGrades(_ folder: String) throws -> ClassGrades {
        let path = folder + "/grades.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GradingError.badInput(file: path, problems: ["no such file. Give the output folders of sqlprep grade --shard runs (each holds a grades.json)."])
        }
        do {
            let grades = try JSONDecoder().decode(ClassGrades.self, from: data)
            guard grades.format == "sqlprep-grades", grades.version == 1 else {
                throw GradingError.badInput(file: path, problems: ["is not a sqlprep grades file of version 1"])
            }
            return grades
        } catch let error as GradingError {
            throw error
        } catch {
            throw GradingError.badInput(file: path, problems: ["is not valid (\(error.localizedDescription)); grade that shard again"])
        }
    }

    // MARK: gradebook.csv

    /// One row per learner, one column per exercise, then total, maximum and percentage: the shape
    /// LMS gradebooks (Canvas, Moodle, Blackboard) import.
    static func gradebook(_ grades: ClassGrades) -> String {
        var lines = [CSV.line(["learner", "name", "email"] + grades.exercises + ["total", "max", "percent"])]
        // Every number in a column has the same decimals: two if any of them needs them, else none.
        let columns = grades.learners.map { learner in learner.exercises.map(\.points) + [learner.points, learner.maxPoints] }
        let width = columns.first?.count ?? 0
        let decimals = (0..<width).map { column in columns.contains { row in column < row.count && number(row[column]).contains(".") } }
        for (learner, values) in zip(grades.learners, columns) {
            let percent = learner.maxPoints > 0 ? learner.points / learner.maxPoints * 100 : 0
            let cells = values.enumerated().map { column, value in
                column < decimals.count && decimals[column] ? String(format: "%.2f", (value * 100).rounded() / 100) : number(value)
            }
            lines.append(CSV.line([learner.learner, learner.name, learner.email] + cells + [String(format: "%.1f", percent)]))
        }
        return lines.joined()
    }

    // MARK: results/<learner>.json (Gradescope)

    /// Gradescope's autograder `results.json`: a score, and one test per exercise and dataset.
    /// Hidden datasets are `after_published`, so learners see them only once grades are published.
    public static func gradescope(_ learner: LearnerGrade, grades: ClassGrades) -> String {
        var tests: [String] = []
        for exercise in learner.exercises {
            if exercise.outcomes.isEmpty {
                tests.append(gradescopeTest(
                    name: "\(exercise.exerciseID)", score: 0, max: exercise.maxPoints,
                    output: exercise.problem ?? "not graded", visibility: "visible"))
                continue
            }
            for (outcome, share, earned) in Scoring(allOrNothing: grades.allOrNothing).tests(exercise.maxPoints, for: exercise.outcomes) {
                tests.append(gradescopeTest(
                    name: "\(exercise.exerciseID) — \(outcome.hidden ? "hidden dataset \(outcome.dataset.dropFirst("hidden-".count))" : "practice dataset")",
                    score: earned, max: share, output: outcome.message, visibility: outcome.hidden ? "after_published" : "visible"))
            }
        }
        let notes = learner.exercises.compactMap(\.note)
        let output = "\(grades.title): \(number(learner.points)) of \(number(learner.maxPoints)) points." + notes.map { "\n" + $0 }.joined()
        return "{\n  \"score\": \(number(learner.points)),\n  \"visibility\": \"visible\",\n  \"stdout_visibility\": \"hidden\",\n"
            + "  \"output\": \(json(output))," + "\n"
            + "  \"tests\": [\n" + tests.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// The `results.json` of a submission that could not be graded at all (no folder, nothing in it):
    /// a score of 0 and the message, which Gradescope shows the learner.
    public static func gradescopeFailure(_ message: String) -> String {
        "{\n  \"score\": 0,\n  \"visibility\": \"visible\",\n  \"stdout_visibility\": \"hidden\",\n  \"output\": \(json(message)),\n  \"tests\": []\n}\n"
    }

    static func gradescopeTest(name: String, score: Double, max: Double, output: String, visibility: String) -> String {
        "{\"name\": \(json(name)), \"score\": \(number(score)), \"max_score\": \(number(max)), \"output\": \(json(output)), \"visibility\": \(json(visibility))}"
    }

    // MARK: Outcome messages

    /// The outcome grades.json records for a worker's check: the check, with the words the learner reads.
    public static func outcome(_ check: DatasetCheck) -> DatasetOutcome {
        DatasetOutcome(
            dataset: check.dataset, hidden: check.hidden, status: check.status, reason: check.reason, diagnoses: check.diagnoses,
            message: message(for: check), instructorNote: check.instructorNote, resultHash: check.resultHash)
    }

    /// The learner-facing words for one dataset. Hidden data stays hidden: on a hidden dataset that
    /// counts, the learner reads whether the query was right and, if not, the reason; never rows or values.
    static func message(for check: DatasetCheck) -> String {
        if check.hidden && check.status != .skipped {
            return check.status == .pass ? "Correct on a hidden dataset." : "Not correct on a hidden dataset (\(check.reason?.rawValue ?? "error"))."
        }
        switch check.finding {
        case .checked(let verdict):
            let text = verdict ?? ""
            return check.counterexample.map { text + "\n\n" + $0 } ?? text
        case .skipped(.datasetUnavailable): return "the dataset could not be built"
        case .skipped(.referenceEmpty): return "the reference answer is empty on this dataset, so it does not count"
        case .skipped(.referenceFailed): return "the reference could not run"
        case .skipped(.practiceNotPassed): return "not run: the query is not correct on the practice dataset, so it scores 0"
        case .stopped(.watchdog(let message)): return message
        case .stopped(.deadline): return "The query ran past the time limit and was stopped."
        case .stopped(.workerDied): return "The query ended its grading process (a memory or resource limit)."
        case .stopped(.workerUnavailable): return "The grading worker could not start."
        case .unknownExercise: return "unknown exercise"
        }
    }

    // MARK: summary.json

    static func summary(_ grades: ClassGrades) -> String {
        let analysis = ClassAnalysis(grades)
        func names(_ learners: [String]) -> String { "[" + learners.map(json).joined(separator: ", ") + "]" }
        var exerciseLines: [String] = []
        for (index, id) in grades.exercises.enumerated() {
            let rows = grades.learners.map { $0.exercises[index] }
            let submitted = rows.filter { $0.state == .graded }.count
            let perDataset = grades.datasets.map { dataset -> String in
                let outcomes = rows.flatMap(\.outcomes).filter { $0.dataset == dataset.label && $0.status != .skipped }
                let passed = outcomes.filter { $0.status == .pass }.count
                return "\(json(dataset.label)): {\"passed\": \(passed), \"graded\": \(outcomes.count)}"
            }
            let reasons = countsByReason(rows).map { "\(json($0.0)): \($0.1)" }
            let overfit = grades.learners.filter { $0.exercises[index].rightOnPracticeOnly }.map(\.learner)
            let clusters = analysis.clusters.filter { $0.exercise == id }.map { cluster in
                "\n      {\"verdict\": \(json(cluster.verdict.rawValue)), \"diagnosis\": \(json(cluster.diagnosis)), \"size\": \(cluster.learners.count), "
                    + "\"learners\": \(names(cluster.learners)), \"representative\": \(json(cluster.representative)), "
                    + "\"representative_query\": \(cluster.query.map(json) ?? "null"), \"evidence\": \(cluster.evidence.map(json) ?? "null"), "
                    + "\"result_hash\": \(cluster.resultHash.map(json) ?? "null")}"
            }
            let failures = analysis.processFailures.filter { $0.exercise == id }.map { "\(json($0.kind)): \(names($0.learners))" }
            let identical = analysis.identical.filter { $0.exercise == id }.map {
                "{\"learners\": \(names($0.learners)), \"result_hash\": \(json($0.resultHash)), \"same_text\": \($0.sameText)}"
            }
            exerciseLines.append(
                "    {\"exercise\": \(json(id)), \"submitted\": \(submitted), \"mean_points\": \(number(rows.map(\.points).reduce(0, +) / Double(max(1, rows.count)))), "
                    + "\"max_points\": \(number(rows.first?.maxPoints ?? 0)), \"datasets\": {\(perDataset.joined(separator: ", "))}, \"failure_reasons\": {\(reasons.joined(separator: ", "))},\n"
                    + "     \"right_on_practice_only\": \(names(overfit)),\n"
                    + "     \"clusters\": [\(clusters.joined(separator: ","))\(clusters.isEmpty ? "" : "\n     ")],\n"
                    + "     \"process_failures\": {\(failures.joined(separator: ", "))},\n"
                    + "     \"identical_unusual_answers\": [\(identical.joined(separator: ", "))]}")
        }
        let learnerLines = grades.learners.map { learner in
            let overfit = learner.exercises.filter(\.rightOnPracticeOnly).map(\.exerciseID)
            let renamed = learner.exercises.filter { $0.note != nil }.map(\.exerciseID)
            return "    {\"learner\": \(json(learner.learner)), \"points\": \(number(learner.points)), \"max_points\": \(number(learner.maxPoints)), "
                + "\"right_on_practice_only\": \(names(overfit)), \"near_miss_names\": \(names(renamed))}"
        }
        return "{\n  \"title\": \(json(grades.title)),\n  \"learners\": \(grades.learners.count),\n  \"all_or_nothing\": \(grades.allOrNothing),\n"
            + "  \"datasets\": [\(grades.datasets.map { json($0.label) }.joined(separator: ", "))],\n"
            + "  \"exercises\": [\n\(exerciseLines.joined(separator: ",\n"))\n  ],\n"
            + "  \"scores\": [\n\(learnerLines.joined(separator: ",\n"))\n  ],\n"
            + "  \"unmatched_files\": [\(grades.unmatched.map { "{\"path\": \(json($0.path)), \"reason\": \(json($0.reason))}" }.joined(separator: ", "))]\n}\n"
    }

    /// How many learners hit each failure reason or diagnosis on an exercise (a learner counts once).
    /// Diagnoses are read on the practice dataset only; an answer right there but wrong on hidden data
    /// counts as `right_on_practice_only` (wrong on every hidden dataset) or `wrong_on_some_hidden`,
    /// never under a diagnosis of the hidden results.
    static func countsByReason(_ rows: [ExerciseGrade]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for row in rows {
            var seen = Set<String>()
            switch ClassAnalysis.verdict(row) {
            case .correct: break
            case .process: seen.insert(ClassAnalysis.processKind(row))
            case .rightOnPracticeOnly: seen.insert(ClassAnalysis.Verdict.rightOnPracticeOnly.rawValue)
            case .wrongOnSomeHidden: seen.insert(ClassAnalysis.Verdict.wrongOnSomeHidden.rawValue)
            case .misconception, .wrongResult:
                if let practice = row.practice {
                    if let reason = practice.reason { seen.insert(reason.rawValue) }
                    for diagnosis in practice.diagnoses { seen.insert(diagnosis) }
                }
            }
            for key in seen { counts[key, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    }

    // MARK: feedback/<learner>.md

    static func feedback(_ learner: LearnerGrade, grades: ClassGrades) -> String {
        var out = "# \(grades.title)\n\n"
        out += "\(learner.name.isEmpty ? learner.learner : learner.name): **\(number(learner.points)) of \(number(learner.maxPoints)) points**.\n"
        out += grades.datasets.contains(where: \.hidden)
            ? "\nScoring: \(Scoring(allOrNothing: grades.allOrNothing).ruleText)\n"
            : "\nScoring: an answer earns the exercise's points if it is correct on the practice dataset, and 0 if not.\n"
        for exercise in learner.exercises {
            out += "\n## \(exercise.exerciseID) — \(number(exercise.points)) of \(number(exercise.maxPoints))\n\n"
            if let problem = exercise.problem, exercise.outcomes.isEmpty {
                out += "Not graded: \(problem).\n"
                continue
            }
            if let note = exercise.note { out += "Note: \(note)\n\n" }
            let hidden = exercise.outcomes.filter(\.hidden).filter { $0.status != .skipped }
            if let practice = exercise.outcomes.first(where: { !$0.hidden }) {
                out += "Practice dataset: **\(practice.status.rawValue)**.\n\n```\n\(practice.message)\n```\n"
            }
            if Scoring.failsPractice(exercise.outcomes) && exercise.outcomes.contains(where: \.hidden) {
                out += "\nHidden datasets: not run, as the query is not correct on the practice dataset; it scores 0.\n"
            }
            if !hidden.isEmpty {
                let passed = hidden.filter { $0.status == .pass }.count
                out += "\nHidden datasets: passed \(passed) of \(hidden.count)."
                let reasons = Set(hidden.compactMap(\.reason?.rawValue)).sorted()
                if !reasons.isEmpty { out += " Reasons: \(reasons.joined(separator: ", "))." }
                if exercise.rightOnPracticeOnly {
                    out += "\n\n**Right on the practice data, wrong on every hidden dataset.** This usually means the query is written for the practice data: values, dates or rows typed into it, or a filter tuned to it. Write it so that it computes the answer from the tables."
                } else if passed < hidden.count && exercise.practice?.status == .pass {
                    out += " Your query is right on the practice data but not on others: look for values or dates written into the query, or a case (a day with no data, a NULL, a tie) that the practice data happens not to have."
                }
                out += "\n"
            }
        }
        return out
    }
}
