import Foundation
import PackagePlugin

/// Compiles the built-in course (`Exercises/`) into the `SQLPrepExercises` module, so that the
/// catalog ships inside the `sqlprep` binary: it works from any directory and when the binary is
/// copied elsewhere, with no resource bundle to lose.
@main
struct EmbedCoursePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let course = context.package.directoryURL.appending(path: "Exercises")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCourse.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: course, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the built-in course (\(inputs.count) files)",
                executable: try context.tool(named: "EmbedCourse").url,
                arguments: [course.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
