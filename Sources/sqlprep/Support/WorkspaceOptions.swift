import ArgumentParser
import SQLPrepExercises
import SQLPrepWorkspace

/// `--workspace DIR` (else `SQLPREP_WORKSPACE`, else the workspace holding the current folder, else
/// the current folder) and the course.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The workspace folder (default: $SQLPREP_WORKSPACE, else the workspace the current folder is in, else the current folder).",
        valueName: "dir"))
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

    /// Where there is no workspace yet, and how to make one there: for messages.
    var missing: String {
        let location = location
        return switch location.origin {
        case .currentFolder: "No sqlprep workspace in this folder or any folder above it; sqlprep next makes one here"
        case .environment: "No sqlprep workspace in \(location.root) (SQLPREP_WORKSPACE); sqlprep next makes one there"
        case .named, .found: "No sqlprep workspace in \(location.root); sqlprep next --workspace \(location.root) makes one there"
        }
    }
}
