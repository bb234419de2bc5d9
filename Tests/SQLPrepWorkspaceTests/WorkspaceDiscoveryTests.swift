import Foundation
import SQLPrepWorkspace
import TestSupport
import Testing

/// Learner commands find the workspace from the current folder upward, as git finds `.git`.
@Suite("Finding the workspace")
struct WorkspaceDiscoveryTests {
    @Test(
        "The nearest workspace at or above the current folder",
        arguments: [
            // (folders with a store, the current folder, the workspace found), relative to a scratch folder
            ([""], "", ""),
            ([""], "answers", ""),
            ([""], "answers/deep/er", ""),
            (["", "answers/inner"], "answers/inner/x", "answers/inner"),
            (["", "answers/inner"], "answers", ""),
            (["other"], "answers", nil),
            ([], "", nil),
        ] as [([String], String, String?)])
    func discover(stores: [String], here: String, expected: String?) throws {
        let base = try Scratch.folder()
        for store in stores { try Workspace(root: base + "/" + store).create() }
        try FileManager.default.createDirectory(atPath: base + "/" + here, withIntermediateDirectories: true)
        let found = Workspace.discover(from: base + "/" + here)
        #expect(found?.root == expected.map { Workspace(root: base + "/" + $0).root })
        #expect(found.map { $0.origin == .found } ?? true)
    }

    @Test(
        "--workspace, then SQLPREP_WORKSPACE, then the workspace found, then the current folder",
        arguments: [
            // (--workspace, SQLPREP_WORKSPACE, whether the parent holds a workspace, the folder chosen, how)
            ("named", "env", true, "named", Workspace.Origin.named),
            (nil, "env", true, "env", .environment),
            (nil, "", true, "", .found),
            (nil, nil, true, "", .found),
            (nil, nil, false, "answers", .currentFolder),
        ] as [(String?, String?, Bool, String, Workspace.Origin)])
    func locate(explicit: String?, env: String?, parentIsWorkspace: Bool, expected: String, origin: Workspace.Origin) throws {
        let base = try Scratch.folder()
        if parentIsWorkspace { try Workspace(root: base).create() }
        let here = base + "/answers"
        try FileManager.default.createDirectory(atPath: here, withIntermediateDirectories: true)
        let environment = env.map { ["SQLPREP_WORKSPACE": $0.isEmpty ? "" : base + "/" + $0] } ?? [:]
        let located = Workspace.locate(explicit: explicit.map { base + "/" + $0 }, environment: environment, from: here)
        #expect(located.root == Workspace(root: base + "/" + expected).root)
        #expect(located.origin == origin)
    }
}
