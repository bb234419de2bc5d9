import SQLPrepText
import Testing

/// How advice spells the command: the decision over `argv[0]`, the running binary and PATH, and its
/// application to a message.
@Suite("Spelling the sqlprep command in advice")
struct CommandSpellingTests {
    static let words: Set<String> = ["next", "submit", "hint", "watch", "progress"]

    /// A file system for the decision: each path that exists (and is executable), and where it leads.
    static let files: [String: String] = [
        "/repo/.build/debug/sqlprep": "/repo/.build/aarch64-unknown-linux-gnu/debug/sqlprep",
        "/repo/.build/aarch64-unknown-linux-gnu/debug/sqlprep": "/repo/.build/aarch64-unknown-linux-gnu/debug/sqlprep",
        "/repo/.build/release/sqlprep": "/repo/.build/release/sqlprep",
        "/home/me/.local/bin/sqlprep": "/home/me/.local/bin/sqlprep",  // an installed copy
        "/home/me/bin/sqlprep": "/repo/.build/release/sqlprep",  // a link to the release build
        "/opt/tools/sqlprep": "/opt/tools/sqlprep",
        "/usr/local/bin/sqlp": "/usr/local/bin/sqlp",  // a copy under another name
    ]

    @Test("The decision table: argv[0] × the running binary × PATH", arguments: [
        // `swift run sqlprep`: a path into .build, nothing on PATH.
        ("/repo/.build/aarch64-unknown-linux-gnu/debug/sqlprep", "/repo/.build/aarch64-unknown-linux-gnu/debug/sqlprep", "/usr/bin:/bin", "swift run sqlprep"),
        // The same, through the `debug` link SwiftPM keeps.
        ("/repo/.build/debug/sqlprep", "/repo/.build/aarch64-unknown-linux-gnu/debug/sqlprep", "/usr/bin:/bin", "swift run sqlprep"),
        // A release build run by its path, while PATH leads to another sqlprep (an installed copy).
        (".build/release/sqlprep", "/repo/.build/release/sqlprep", "/home/me/.local/bin:/usr/bin", "swift run sqlprep"),
        // A release build run by its path, and PATH leads to it through a link: `sqlprep` runs it.
        (".build/release/sqlprep", "/repo/.build/release/sqlprep", "/home/me/bin:/usr/bin", "sqlprep"),
        // Started by a bare name: the shell found it on PATH.
        ("sqlprep", "/home/me/.local/bin/sqlprep", "/home/me/.local/bin:/usr/bin", "sqlprep"),
        ("sqlprep", "/repo/.build/release/sqlprep", "/home/me/bin:/usr/bin", "sqlprep"),
        ("sqlp", "/usr/local/bin/sqlp", "/usr/local/bin", "sqlp"),
        // The installed copy run by its full path: PATH leads to it too.
        ("/home/me/.local/bin/sqlprep", "/home/me/.local/bin/sqlprep", "/home/me/.local/bin:/usr/bin", "sqlprep"),
        // A path PATH does not lead to, outside any build folder: only that path runs it.
        ("/opt/tools/sqlprep", "/opt/tools/sqlprep", "/usr/bin:/bin", "/opt/tools/sqlprep"),
        ("./sqlprep", "/opt/tools/sqlprep", "/usr/bin", "./sqlprep"),
        // An earlier sqlprep on PATH shadows this one: `sqlprep` would run the other.
        ("/home/me/bin/sqlprep", "/repo/.build/release/sqlprep", "/home/me/.local/bin:/home/me/bin", "swift run sqlprep"),
        // No PATH at all.
        ("/repo/.build/release/sqlprep", "/repo/.build/release/sqlprep", nil, "swift run sqlprep"),
    ] as [(String, String, String?, String)])
    func decision(invokedAs: String, executable: String, path: String?, expected: String) {
        let spelling = CommandSpelling.decide(
            invokedAs: invokedAs, executable: executable, searchPath: path, commandWords: Self.words, resolve: { Self.files[$0] })
        #expect(spelling.command == expected)
    }

    @Test("Advice is respelled; prose that only names sqlprep is not", arguments: [
        ("Run sqlprep next to begin.", "Run swift run sqlprep next to begin."),
        ("Stuck? sqlprep hint shows hint 2 of 3.", "Stuck? swift run sqlprep hint shows hint 2 of 3."),
        ("See 'sqlprep submit --help'.", "See 'swift run sqlprep submit --help'."),
        ("sqlprep --course my-course progress", "swift run sqlprep --course my-course progress"),
        ("No sqlprep workspace here; sqlprep next makes one", "No sqlprep workspace here; swift run sqlprep next makes one"),
        ("this sqlprep runs SQLite 3.46", "this sqlprep runs SQLite 3.46"),
        ("sqlprep: No such file", "sqlprep: No such file"),
        ("mysqlprep next", "mysqlprep next"),
        ("already: swift run sqlprep next", "already: swift run sqlprep next"),
    ])
    func apply(text: String, expected: String) {
        let spelling = CommandSpelling(command: "swift run sqlprep", commandWords: Self.words)
        #expect(spelling.apply(text) == expected)
        #expect(spelling.apply(spelling.apply(text)) == expected, "applying twice changes nothing more")
        #expect(CommandSpelling(command: "sqlprep", commandWords: Self.words).apply(text) == text)
    }

    @Test("A path spelling replaces the name")
    func pathSpelling() {
        let spelling = CommandSpelling(command: "./sqlprep", commandWords: Self.words)
        #expect(spelling.apply("Run sqlprep next.") == "Run ./sqlprep next.")
        #expect(spelling.apply(spelling.apply("Run sqlprep next.")) == "Run ./sqlprep next.")
    }
}
