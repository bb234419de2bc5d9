import ArgumentParser
@testable import sqlprep
import SQLPrepText
import Testing

@Suite("Spelling advice")
struct SpellingTests {
    /// Advice is respelled only where `sqlprep` is followed by one of these words, so the list must
    /// name every command a learner can type.
    @Test("The command words are the commands there are")
    func commandWords() {
        let visible = SQLPrep.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
        #expect(CommandSpelling.commandWords == Set(visible + ["help"]))
    }
}
