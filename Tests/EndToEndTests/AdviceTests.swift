import Foundation
import TestSupport
import Testing

/// Advice names only what exists: every `sqlprep COMMAND … --flag` that sqlprep prints, and every
/// flag it mentions at all, is checked against the commands and options of the built binary.
///
/// How the check works, kept simple on purpose:
///
/// 1. The real commands and options come from `sqlprep --experimental-dump-help` (swift-argument-parser's
///    description of every command, subcommand and option, hidden ones included).
/// 2. The texts are the string literals of every Swift file under `Sources/` (interpolations read as
///    `…`; comments are skipped), and the `code spans` and code blocks of the two READMEs, ARCHITECTURE.md and SECURITY.md.
/// 3. A mention starts at the word `sqlprep`. The words after it that name subcommands are followed
///    down the command tree; an unknown word there is a problem, unless it is one of the English
///    words in ``proseAfterSqlprep`` ("sqlprep reads UTF-8") or opens a parenthesis ("sqlprep (version
///    2)"). The mention then runs on to the end of
///    its clause (a token ending in `.`, `,`, `;`, `:`, `)` or a backtick, or a `|`), and every
///    `-x` / `--xyz` in it must be an option of that command (of its default subcommand, for `grade`
///    and `progress`).
/// 4. Any other `--xyz` in a Swift literal must be an option of some command (or one of the few
///    other programs' options in ``foreignFlags``).
@Suite("Advice names only what exists")
struct AdviceTests {
    /// Words that follow "sqlprep" in plain sentences, not as a command.
    static let proseAfterSqlprep: Set<String> = [
        "reads", "runs", "uses", "is", "does", "never", "generates", "workspace", "grades", "process", "processes", "then", "report",
    ]

    /// Options that are not a command's: the sqlite3 shell's `.import --csv`, and sqlprep shell's
    /// own dot-command `.schema --sql`.
    static let foreignFlags: Set<String> = ["--csv", "--sql"]

    @Test("Every sqlprep command and option named in the sources and the guides exists")
    func mentionsExist() throws {
        let tree = try CommandTree.load()
        var problems: [String] = []
        var mentions = 0
        for (file, texts) in try Self.texts() {
            for text in texts {
                let found = Mentions.check(
                    text, tree: tree, prose: Self.proseAfterSqlprep, foreign: Self.foreignFlags, checkBareFlags: file.hasSuffix(".swift"))
                mentions += found.mentions
                problems += found.problems.map { "\(file): \($0)" }
            }
        }
        #expect(mentions > 40, "the scanner finds the mentions (\(mentions))")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test(
        "The scanner catches what it is meant to catch",
        arguments: [
            ("Run sqlprep submit --format csv.", "--format"),
            ("sqlprep --course my-course list", "--course"),
            ("Try sqlprep status.", "status"),
            ("the shell footer: use --max-row N", "--max-row"),
            ("sqlprep grade --out DIR --gradescope", ""),
            ("sqlprep dataset export --format csv --out DIR", ""),
            ("sqlprep reads UTF-8; -- mistake: a SQL comment", ""),
            ("written by a newer sqlprep (version 2); <title>sqlprep report</title>", ""),
        ])
    func scanner(text: String, problem: String) throws {
        let found = Mentions.check(text, tree: try CommandTree.load(), prose: Self.proseAfterSqlprep, foreign: [], checkBareFlags: true)
        if problem.isEmpty {
            #expect(found.problems.isEmpty, "\(found.problems)")
        } else {
            #expect(found.problems.count == 1 && found.problems[0].contains(problem), "\(found.problems)")
        }
    }

    /// file (relative to the repository) → its texts.
    static func texts() throws -> [(String, [String])] {
        var out: [(String, [String])] = []
        let sources = Checkout.root.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(atPath: sources.path)
        while let relative = walker?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            out.append(("Sources/" + relative, SwiftLiterals.extract(text)))
        }
        for readme in ["README.md", "Exercises/README.md", "ARCHITECTURE.md", "SECURITY.md"] {
            let text = try String(contentsOf: Checkout.root.appendingPathComponent(readme), encoding: .utf8)
            out.append((readme, MarkdownCode.extract(text)))
        }
        return out.sorted { $0.0 < $1.0 }
    }
}

/// The command tree of the built binary.
struct CommandTree: Sendable {
    let name: String
    let options: Set<String>
    let subcommands: [String: CommandTree]
    let defaultSubcommand: String?

    /// Options accepted when this command is named: its own, and its default subcommand's.
    var accepted: Set<String> {
        options.union(defaultSubcommand.flatMap { subcommands[$0]?.options } ?? [])
    }

    /// Every option of every command.
    var allOptions: Set<String> {
        subcommands.values.reduce(options) { $0.union($1.allOptions) }
    }

    static func load() throws -> CommandTree {
        let out = try CLI.run(["--experimental-dump-help"])
        let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let command = try #require(object?["command"] as? [String: Any])
        return parse(command)
    }

    private static func parse(_ command: [String: Any]) -> CommandTree {
        var options: Set<String> = []
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            for name in argument["names"] as? [[String: Any]] ?? [] {
                guard let kind = name["kind"] as? String, let text = name["name"] as? String else { continue }
                options.insert(kind == "short" ? "-" + text : "--" + text)  // longWithSingleDash counts as "-name"
            }
        }
        var subcommands: [String: CommandTree] = [:]
        for sub in command["subcommands"] as? [[String: Any]] ?? [] {
            let tree = parse(sub)
            subcommands[tree.name] = tree
        }
        return CommandTree(
            name: command["commandName"] as? String ?? "", options: options, subcommands: subcommands,
            defaultSubcommand: command["defaultSubcommand"] as? String)
    }
}

/// Finds `sqlprep …` mentions and flags in one text and checks them against the tree.
enum Mentions {
    static func check(
        _ text: String, tree: CommandTree, prose: Set<String>, foreign: Set<String>, checkBareFlags: Bool
    ) -> (mentions: Int, problems: [String]) {
        var problems: [String] = []
        var mentions = 0
        let all = tree.allOptions
        for line in text.split(separator: "\n") {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var inMention = Set<Int>()  // token indexes already checked as part of a mention
            for (index, token) in tokens.enumerated() where strip(token).word == "sqlprep" && !strip(token).ends {
                mentions += 1
                var node = tree
                var path = "sqlprep"
                var k = index + 1
                var ended = false
                while k < tokens.count, !ended {
                    let (word, ends) = strip(tokens[k])
                    guard !tokens[k].hasPrefix("("), let sub = node.subcommands[word] else { break }
                    node = sub
                    path += " " + word
                    inMention.insert(k)
                    ended = ends
                    k += 1
                }
                if !ended, node.name == tree.name, k < tokens.count, !tokens[k].hasPrefix("(") {
                    // The leading word: "report</title>" is "report".
                    let word = String(strip(tokens[k]).word.prefix(while: { $0.isLetter || $0 == "-" }))
                    if !word.hasPrefix("-"), !prose.contains(word), word.first?.isLetter == true {
                        problems.append("'\(line)': sqlprep has no command '\(word)'")
                    }
                }
                while k < tokens.count, !ended {
                    let (word, ends) = strip(tokens[k])
                    if word == "|" || word == "\\|" { break }
                    inMention.insert(k)
                    if let flag = flag(word), !node.accepted.contains(flag) {
                        problems.append("'\(line)': \(path) has no option \(flag)")
                    }
                    ended = ends
                    k += 1
                }
            }
            guard checkBareFlags else { continue }
            for (index, token) in tokens.enumerated() where !inMention.contains(index) {
                if let flag = flag(strip(token).word), flag.hasPrefix("--"), !all.contains(flag), !foreign.contains(flag) {
                    problems.append("'\(line)': no command has an option \(flag)")
                }
            }
        }
        return (mentions, problems)
    }

    /// A token without the quotes, brackets and punctuation around it; `ends` when its punctuation
    /// closes the clause.
    static func strip(_ token: String) -> (word: String, ends: Bool) {
        var word = Substring(token)
        while let first = word.first, "`'\"([".contains(first) { word = word.dropFirst() }
        var ends = false
        while let last = word.last, "`'\".,;:)]".contains(last) {
            if "`.,;:)".contains(last) { ends = true }
            word = word.dropLast()
        }
        return (String(word), ends)
    }

    /// `--name` or `-x` (without any `=value`), or nil when the word is not a flag ("--", "-6", "—").
    static func flag(_ word: String) -> String? {
        let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        let body = name.drop(while: { $0 == "-" })
        guard name.hasPrefix("-"), name.count - body.count <= 2, let first = body.first, first.isLetter,
              body.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
        return name
    }
}

/// The string literals of a Swift file, interpolations read as "…". Handles "…", multi-line
/// """…""", raw #"…"#, escapes, nested literals inside \( … ), and skips // and /* */ comments.
enum SwiftLiterals {
    static func extract(_ source: String) -> [String] {
        let characters = Array(source)
        var literals: [String] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let next: Character? = i + 1 < characters.count ? characters[i + 1] : nil
            if c == "/" && next == "/" {
                while i < characters.count && characters[i] != "\n" { i += 1 }
            } else if c == "/" && next == "*" {
                i += 2
                while i + 1 < characters.count && !(characters[i] == "*" && characters[i + 1] == "/") { i += 1 }
                i += 2
            } else if c == "\"" || (c == "#" && (next == "\"" || next == "#")) {
                if let end = literal(characters, at: i, into: &literals) { i = end } else { i += 1 }
            } else {
                i += 1
            }
        }
        return literals
    }

    /// Reads the literal starting at `start` (its `#`s or opening quote); appends it (and any literal
    /// nested in its interpolations) to `literals`; returns the index after it.
    private static func literal(_ c: [Character], at start: Int, into literals: inout [String]) -> Int? {
        var i = start
        var hashes = 0
        while i < c.count && c[i] == "#" { hashes += 1; i += 1 }
        guard i < c.count, c[i] == "\"" else { return nil }
        let multiline = i + 2 < c.count && c[i + 1] == "\"" && c[i + 2] == "\""
        let quote = multiline ? 3 : 1
        i += quote
        let closing = String(repeating: "\"", count: quote) + String(repeating: "#", count: hashes)
        let escape = "\\" + String(repeating: "#", count: hashes)
        var text = ""
        while i < c.count {
            if String(c[i..<min(c.count, i + closing.count)]) == closing {
                literals.append(text)
                return i + closing.count
            }
            if String(c[i..<min(c.count, i + escape.count)]) == escape {
                i += escape.count
                guard i < c.count else { break }
                switch c[i] {
                case "(":
                    // An interpolation: skip balanced parentheses, reading nested literals.
                    var depth = 1
                    i += 1
                    while i < c.count && depth > 0 {
                        if c[i] == "\"" || c[i] == "#", let end = literal(c, at: i, into: &literals) { i = end; continue }
                        if c[i] == "(" { depth += 1 } else if c[i] == ")" { depth -= 1 }
                        i += 1
                    }
                    text += "…"
                case "n": text += "\n"; i += 1
                case "t": text += "\t"; i += 1
                case "\n": i += 1  // a line continuation in a multi-line literal
                default: text.append(c[i]); i += 1
                }
                continue
            }
            if !multiline && c[i] == "\n" { return nil }
            text.append(c[i])
            i += 1
        }
        return nil
    }
}

/// The `code spans` and fenced code block lines of a Markdown file, each as one text.
enum MarkdownCode {
    static func extract(_ markdown: String) -> [String] {
        var out: [String] = []
        var inBlock = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            if inBlock { out.append(String(line)); continue }
            let parts = line.components(separatedBy: "`")
            for index in stride(from: 1, to: parts.count, by: 2) { out.append(parts[index]) }
        }
        return out
    }
}
