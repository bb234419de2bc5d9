import SQLPrepExercises
import SQLPrepText
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

/// Finding: prompts, hints and explanations showed raw Markdown (`*greater*`, `**not**`, backticks,
/// `**Metric.**`). Rendered for the terminal, none of the course's markers may be left outside code.
@Suite("The built-in catalog's texts on a terminal")
struct CatalogMarkdownTests {
    @Test("Every prompt, hint and explanation renders with no Markdown marker outside code", arguments: CatalogFixture.exerciseIDs)
    func noMarkersLeft(_ id: String) throws {
        let exercise = try #require(try CatalogFixture.course.get().exercise(id: id))
        let reference = try Checker(sandbox: try CatalogFixture.sandbox(exercise.dataset), dataset: exercise.dataset).reference(for: exercise)
        let texts = [("prompt", exercise.promptText), ("explanation", exercise.explanationText(reference: reference))]
            + exercise.hints.map { ("hint", exercise.text(of: $0, reference: reference)) }
        for (name, text) in texts {
            // Rendered with colour, code is the one cyan run: drop it, and look at what a reader sees.
            let rendered = ExerciseText.markdown(text, style: TextStyle(color: true), width: 100)
            let outsideCode = Self.withoutCode(rendered)
            for line in outsideCode.split(separator: "\n") {
                let problems = Self.markers(in: String(line))
                #expect(problems.isEmpty, "\(id) \(name): \(problems) left in: \(line)")
            }
            // And without colour, the same words.
            let plain = ExerciseText.markdown(text, style: TextStyle(color: false), width: 100)
            #expect(!plain.contains("\u{1B}"))
            #expect(!plain.contains("**"), "\(id) \(name): \(plain)")
        }
    }

    /// The text with ANSI codes removed and every code run (SGR 36) left out.
    static func withoutCode(_ text: String) -> String {
        var out = "", code = "", inEscape = false, inCode = false
        for char in text {
            if char == "\u{1B}" { inEscape = true; code = ""; continue }
            if inEscape {
                if char == "m" {
                    inEscape = false
                    inCode = code.dropFirst().split(separator: ";").contains("36")
                } else {
                    code.append(char)
                }
                continue
            }
            if !inCode { out.append(char) }
        }
        return out
    }

    /// Markdown markers in a line of rendered text.
    static func markers(in line: String) -> [String] {
        var found: [String] = []
        let trimmed = line.drop(while: { $0 == " " })
        if trimmed.hasPrefix("#") { found.append("heading #") }
        if trimmed.hasPrefix("|") { found.append("table pipe") }
        if trimmed.hasPrefix("```") { found.append("fence") }
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") { found.append("raw bullet") }
        if line.contains("`") { found.append("backtick") }
        if line.contains("**") || line.contains("__") { found.append("strong marker") }
        let chars = Array(line)
        for (index, char) in chars.enumerated() where char == "*" || char == "_" {
            let before = index > 0 ? chars[index - 1] : " ", after = index + 1 < chars.count ? chars[index + 1] : " "
            let wordy: (Character) -> Bool = { $0.isLetter || $0.isNumber }
            // `*word` or `word*` is an emphasis marker; `_` only at a word's edge (`share_pct` is a name).
            if char == "*" && (wordy(before) != wordy(after)) { found.append("emphasis \(char)") }
            if char == "_" && (wordy(before) != wordy(after)) && !(before == "_" || after == "_") { found.append("emphasis \(char)") }
        }
        return found
    }
}
