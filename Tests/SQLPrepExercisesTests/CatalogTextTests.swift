import SQLPrepExercises
import Testing

@Suite("The built-in catalog's texts")
struct CatalogTextTests {
    @Test("Every prompt, hint and explanation renders with its numbers filled in and no markup left", arguments: CatalogFixture.exerciseIDs)
    func rendered(_ id: String) throws {
        let exercise = try #require(try CatalogFixture.course.get().exercise(id: id))
        let reference = try Checker(sandbox: try CatalogFixture.sandbox(exercise.dataset), dataset: exercise.dataset).reference(for: exercise)
        let texts = [exercise.promptText, exercise.explanationText(reference: reference)]
            + exercise.hints.map { exercise.text(of: $0, reference: reference) }
        for text in texts {
            #expect(!text.contains("{{") && !text.contains("}}"), "\(text)")
            #expect(!text.contains("(not available)"), "\(text)")
        }
    }
}
