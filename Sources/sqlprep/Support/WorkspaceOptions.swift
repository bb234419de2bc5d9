import ArgumentParser
import SQLPrepExercises
import SQLPrepWorkspace

/// `--workspace DIR` (else `SQLPREP_WORKSPACE`, else the current folder) and the course.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $SQLPREP_WORKSPACE, else the current folder).", valueName: "dir"))
    var workspace: String?

    @OptionGroup var courseOptions: CourseOptions

    var location: Workspace { Workspace.locate(explicit: workspace) }

    /// Opens the learner's session; with `create`, makes the workspace when missing and says so.
    func session(create: Bool) throws -> LearnerSession {
        let course = try courseOptions.load()
        let (session, created) = try LearnerSession.open(course: course, workspace: location, create: create)
        if created {
            Terminal.error("Created a sqlprep workspace in \(location.root) (answers/ for your queries, .sqlprep/ for your progress).")
        }
        return session
    }
}
