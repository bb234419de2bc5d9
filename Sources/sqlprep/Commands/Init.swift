import ArgumentParser
import SQLPrepWorkspace

extension SQLPrep {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a folder a sqlprep workspace (answers/ and .sqlprep/progress.db).",
            discussion: spelled("Examples:\n  sqlprep init\n  sqlprep init --workspace ~/sql-practice")
        )

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            _ = try options.courseOptions.load()
            let workspace = options.location
            if try workspace.create() {
                print(spelled("Created a sqlprep workspace in \(workspace.root). Run sqlprep next to begin."))
            } else {
                print("\(workspace.root) is already a sqlprep workspace; your progress is untouched.")
            }
        }
    }
}
