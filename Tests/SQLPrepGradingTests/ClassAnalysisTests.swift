import Foundation
import SQLPrepExercises
@testable import SQLPrepGrading
import Testing

/// How the class's answers are read for the instructor: each answer's verdict, the clusters of wrong
/// answers, identical unusual answers, near-miss file names and the gradebook's number format.
@Suite("Reading a class's answers")
struct ClassAnalysisTests {
    /// An outcome: `p` practice or `h` hidden, then its status; a reason, diagnoses and a result digest.
    static func outcome(_ hidden: Bool, _ status: DatasetOutcome.Status, _ reason: Verdict.Reason? = nil, _ diagnoses: [String] = [], hash: String? = nil) -> DatasetOutcome {
        DatasetOutcome(dataset: hidden ? "hidden-1" : "practice", hidden: hidden, status: status, reason: reason, diagnoses: diagnoses, message: "", resultHash: hash)
    }

    static func grade(_ outcomes: [DatasetOutcome], state: ExerciseGrade.State = .graded, query: String = "select 1") -> ExerciseGrade {
        ExerciseGrade(exerciseID: "e", maxPoints: 10, points: 0, state: state, problem: nil, outcomes: outcomes, query: query)
    }

    @Test(
        "Each answer's verdict reads the practice dataset first; answers with no hidden outcomes (failing practice) read the same",
        arguments: [
            ([outcome(false, .pass), outcome(true, .pass), outcome(true, .pass)], ClassAnalysis.Verdict.correct),
            ([outcome(false, .pass), outcome(true, .fail, .wrongResult, ["duplicated_rows"]), outcome(true, .fail, .wrongResult)], .rightOnPracticeOnly),
            ([outcome(false, .pass), outcome(true, .fail, .wrongResult), outcome(true, .pass)], .wrongOnSomeHidden),
            ([outcome(false, .pass), outcome(true, .error, .timeout)], .process),
            ([outcome(false, .pass), outcome(true, .skipped)], .correct),
            ([outcome(false, .fail, .wrongResult)], .wrongResult),
            ([outcome(false, .fail, .wrongResult), outcome(true, .fail, .wrongResult)], .wrongResult),
            ([outcome(false, .fail, .wrongResult, ["integer_division"])], .misconception),
            ([outcome(false, .fail, .wrongOrder)], .misconception),
            ([outcome(false, .error, .sqlError), outcome(true, .error, .sqlError)], .process),
            ([], .process),
        ])
    func verdicts(outcomes: [DatasetOutcome], verdict: ClassAnalysis.Verdict) {
        #expect(ClassAnalysis.verdict(Self.grade(outcomes)) == verdict)
        #expect(Self.grade(outcomes).rightOnPracticeOnly == (verdict == .rightOnPracticeOnly))
    }

    static func classGrades(_ answers: [(String, ExerciseGrade)]) -> ClassGrades {
        ClassGrades(
            title: "t", exercises: ["e"], datasets: [], allOrNothing: false,
            learners: answers.map { LearnerGrade(learner: $0.0, name: "", email: "", exercises: [$0.1]) }, unmatched: [])
    }

    @Test("Wrong answers cluster by diagnosis and result; process failures stay apart; a result only two learners share, undiagnosed, is an identical unusual answer")
    func clusters() {
        let division = [Self.outcome(false, .fail, .wrongResult, ["integer_division"], hash: "a")]
        let odd = [Self.outcome(false, .fail, .wrongResult, hash: "b")]
        let hardCoded = [Self.outcome(false, .pass, hash: "r"), Self.outcome(true, .fail, .wrongResult, ["duplicated_rows"], hash: "r")]
        let grades = Self.classGrades([
            ("ann", Self.grade(division, query: "select 1 / 2")), ("bob", Self.grade(division, query: "SELECT 1/2 -- mine")),
            ("cy", Self.grade(odd, query: "select 'x'")), ("dee", Self.grade(odd, query: "SELECT 'x'")),
            ("eve", Self.grade(hardCoded)), ("fay", Self.grade([], state: .missing)),
            ("gus", Self.grade([Self.outcome(false, .error, .sqlError)])), ("hal", Self.grade([Self.outcome(false, .pass)])),
        ])
        let analysis = ClassAnalysis(grades)
        #expect(analysis.clusters.map(\.verdict) == [.misconception, .rightOnPracticeOnly, .wrongResult], "diagnosed first, undiagnosed last")
        #expect(analysis.clusters.map(\.learners) == [["ann", "bob"], ["eve"], ["cy", "dee"]])
        #expect(analysis.clusters[0].diagnosis == "integer division" && analysis.clusters[0].representative == "ann")
        #expect(!analysis.clusters[1].diagnosis.contains("duplicated"), "a hard-coded answer is never labelled with its hidden results' diagnosis")
        #expect(analysis.processFailures.map { "\($0.kind):\($0.learners)" } == ["missing:[\"fay\"]", "sql_error:[\"gus\"]"])
        #expect(analysis.identical.map(\.learners) == [["cy", "dee"]] && analysis.identical.first?.sameText == true)
        #expect(GradeReports.countsByReason(grades.learners.map { $0.exercises[0] }).first { $0.0 == "duplicated_rows" } == nil)
    }

    @Test(
        "A near-miss file name stands for the exercise it spells",
        arguments: [
            ("cpo_by_channel.sql", "cpo-by-channel"), ("CPO-by-Channel.SQL", "cpo-by-channel"), ("cpo by channel.Sql", "cpo-by-channel"),
            ("cpo-by-channel.sql", "cpo-by-channel"), ("notes.txt", nil), (".sql", nil),
        ] as [(String, String?)])
    func nearMiss(name: String, id: String?) {
        #expect(Submissions.nearMissID(name) == id)
    }

    @Test("An assignment may refuse near-miss names; a bad value is named")
    func strictNames() throws {
        #expect(try Assignment.parse("strict_names: true\nexercise: e\n", file: "a.txt").strictNames)
        #expect(try !Assignment.parse("exercise: e\n", file: "a.txt").strictNames)
        #expect(throws: GradingError.self) { try Assignment.parse("strict_names: maybe\nexercise: e\n", file: "a.txt") }
    }

    @Test("Every number in a gradebook column has the same decimals")
    func gradebookDecimals() {
        var partial = Self.grade([Self.outcome(false, .pass)])
        partial.points = 2.5
        var full = Self.grade([Self.outcome(false, .pass)])
        full.points = 10
        let text = GradeReports.gradebook(Self.classGrades([("a", partial), ("b", full)]))
        #expect(text == "learner,name,email,e,total,max,percent\r\na,,,2.50,2.50,10,25.0\r\nb,,,10.00,10.00,10,100.0\r\n")
    }
}
