/// How advice spells the sqlprep command, so that what a screen says to run is what runs for the
/// learner: `sqlprep submit` for a binary on PATH, `swift run sqlprep submit` for one started from
/// a SwiftPM build folder (the README's Quick start), `./sqlprep submit` for one started by a path
/// that PATH does not lead to.
///
/// The decision is pure (``decide(invokedAs:executable:searchPath:resolve:)``): the executable feeds
/// it `argv[0]`, its own path and `PATH`, and a function that follows links.
public struct CommandSpelling: Sendable, Hashable {
    /// What to type for sqlprep: `sqlprep`, `swift run sqlprep`, or a path such as `./sqlprep`.
    public let command: String
    /// The words that make `sqlprep WORD` a command (the subcommand names); ``apply(_:)`` rewrites
    /// only those mentions, never prose such as "this sqlprep runs SQLite 3.46".
    public let commandWords: Set<String>

    public init(command: String, commandWords: Set<String>) {
        self.command = command
        self.commandWords = commandWords
    }

    /// The product name `swift run` takes.
    public static let product = "sqlprep"

    /// Decides the spelling:
    /// 1. Started by a bare name (`argv[0]` has no `/`): the shell found it on PATH, so that name.
    /// 2. The first `NAME` on PATH is this very binary (a copy's own path, or a link to it): `NAME`.
    /// 3. The binary sits in a SwiftPM build folder (a `.build` path component): `swift run sqlprep`.
    /// 4. Otherwise the path it was started by, as typed (`./sqlprep`, `/opt/sqlprep/bin/sqlprep`):
    ///    a bare `sqlprep` would not run it.
    ///
    /// - Parameters:
    ///   - invokedAs: `argv[0]`.
    ///   - executable: the running binary's path (`/proc/self/exe` on Linux).
    ///   - searchPath: the `PATH` variable.
    ///   - resolve: a path with every link followed, or nil when nothing executable is there.
    public static func decide(
        invokedAs: String, executable: String, searchPath: String?, commandWords: Set<String>, resolve: (String) -> String?
    ) -> CommandSpelling {
        func spelled(_ command: String) -> CommandSpelling { CommandSpelling(command: command, commandWords: commandWords) }
        let name = invokedAs.split(separator: "/").last.map(String.init) ?? product
        if !invokedAs.contains("/") && !invokedAs.isEmpty { return spelled(name) }
        let running = resolve(executable) ?? executable
        var onPath: String?
        for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
            if let found = resolve(folder + "/" + name) {
                onPath = found
                break
            }
        }
        if onPath == running { return spelled(name) }
        if running.split(separator: "/").contains(".build") { return spelled("swift run " + product) }
        return spelled(invokedAs.isEmpty ? product : invokedAs)
    }

    /// `text` with every command mention — the word `sqlprep` followed by a command word or an
    /// option (`sqlprep next`, `sqlprep --course DIR list`) — spelled with ``command``. Other
    /// uses of the word ("a sqlprep workspace") are left as they are, and so are mentions already
    /// spelled, so applying it twice changes nothing.
    public func apply(_ text: String) -> String {
        guard command != Self.product, text.contains(Self.product) else { return text }
        // What comes before the name in `command` ("swift run "): a mention already spelled stays as it is.
        let lead = command.hasSuffix(Self.product) ? String(command.dropLast(Self.product.count)) : ""
        var out = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: Self.product + " ") {
            let before = rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let word = after.prefix { $0.isLetter || $0 == "-" }
            let startsWord = before.last.map(Self.endsWord) ?? true
            out += before
            let spelledAlready = !lead.isEmpty && (out + before).hasSuffix(lead)
            if startsWord && !spelledAlready && (commandWords.contains(String(word)) || word.hasPrefix("--")) {
                out += command + " "
            } else {
                out += rest[range]
            }
            rest = after
        }
        return out + rest
    }

    /// Whether `character` can stand just before a command mention (`mysqlprep`, `./sqlprep` and
    /// `.build/sqlprep` are not mentions of the bare name).
    private static func endsWord(_ character: Character) -> Bool {
        if character.isLetter || character.isNumber { return false }
        return !["-", "_", "/", "."].contains(character)
    }
}
