import Foundation

/// A path relative to the current folder when it is inside it, for shorter messages.
func relativePath(_ path: String) -> String {
    let here = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
}
