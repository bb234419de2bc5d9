import ArgumentParser

extension SQLPrep {
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the next exercise to solve.",
            discussion: "Example: sqlprep next"
        )

        func run() throws {
            print("No exercises exist yet.")
        }
    }
}
