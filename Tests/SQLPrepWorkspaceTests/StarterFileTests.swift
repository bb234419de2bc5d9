import SQLPrepExercises
import SQLPrepWorkspace
import Testing

@Suite("Starter files")
struct StarterFileTests {
    /// Every column line of every built-in exercise's starter file: the rounding reads as English
    /// ("1 decimal", "2 decimals"), and a percentage is not promised to stay between 0 and 100
    /// (a lift can be negative or above 100).
    @Test("Column lines say what the column holds, in true words", arguments: try Course.builtIn().exercises)
    func columnLines(exercise: Exercise) throws {
        let starter = Workspace.starter(for: exercise)
        for column in exercise.contract.columns {
            let line = try #require(starter.split(separator: "\n").first { $0.hasPrefix("--   \(column.name): ") }, "\(column.name)")
            switch column.decimals {
            case 1?: #expect(line.hasSuffix(", 1 decimal"), "\(line)")
            case let n?: #expect(line.hasSuffix(", \(n) decimals"), "\(line)")
            case nil: #expect(!line.contains("decimal"), "\(line)")
            }
            #expect(!line.contains("from 0 to 100"), "\(line)")
        }
    }

    /// Finding: starter comments showed raw Markdown (`**Metric.**`, backticks). They hold the prompt
    /// as plain text now, wrapped so no comment line passes 100 columns.
    @Test("The prompt in a starter file is plain text, wrapped", arguments: try Course.builtIn().exercises)
    func promptIsPlain(exercise: Exercise) {
        let starter = Workspace.starter(for: exercise)
        #expect(!starter.contains("**"), "\(exercise.id)")
        #expect(!starter.contains("`"), "\(exercise.id)")
        for line in starter.split(separator: "\n") {
            #expect(line.hasPrefix("--") || line.isEmpty)
            #expect(line.count <= 100, "\(exercise.id): \(line)")
        }
    }
}
