import Foundation

/// The line editor of `sqlprep shell` on a terminal: ←/→, Home/End (Ctrl-A/E), Backspace, Ctrl-U,
/// ↑/↓ through history, Tab to complete a table or column name, Ctrl-C to drop the input, Ctrl-Z
/// to suspend, Ctrl-D on an empty line to quit.
///
/// Hand-written rather than Debian's libedit (which the sqlite3 shell links), for three reasons:
/// - Ctrl-C. The shell keeps the terminal's signal keys off (`ISIG`) while it reads a line *and*
///   while a query runs, so Ctrl-C arrives as a byte, in order with the other keys, that plain code
///   acts on: drop the line, or kill the query's child process. With libedit, Ctrl-C is a SIGINT
///   (the sqlite3 shell catches it in a signal handler) and the terminal modes belong to libedit
///   while it reads, so both would have to be handled from a signal handler instead.
/// - A C dependency for every build: `libedit-dev` on every machine and in `.ci/run`, and a shim for
///   its variadic `el_set`, which Swift cannot call.
/// - What the shell needs is this file: one line at a time, history, and completion from a word list.
///
/// History is appended to its file as each line is entered, so a shell that is killed loses none.
struct LineEditor {
    private(set) var history: [String] = []
    let historyFile: String?
    /// Words Tab completes: the dataset's table and column names.
    var completions: [String] = []
    /// Keys typed while a query ran (see ``ShellQuery``), read before the terminal.
    var typeAhead: [UInt8] = []

    /// Entries kept in memory and, after trimming, in the file.
    static let historyLength = 500

    init(historyFile: String?) {
        self.historyFile = historyFile
        guard let historyFile, let text = try? String(contentsOfFile: historyFile, encoding: .utf8) else { return }
        let lines = text.split(separator: "\n").map(String.init)
        history = Array(lines.suffix(Self.historyLength))
        // Appending grows the file; trim it once it holds twice what is kept.
        if lines.count > 2 * Self.historyLength {
            try? (history.joined(separator: "\n") + "\n").write(toFile: historyFile, atomically: true, encoding: .utf8)
        }
    }

    enum Input: Equatable {
        case line(String)
        case interrupt
        case end
    }

    private mutating func readByte() -> UInt8? {
        if !typeAhead.isEmpty { return typeAhead.removeFirst() }
        return RawTerminal.readByte()
    }

    mutating func read(prompt: String) -> Input {
        Terminal.writeNow(prompt)
        var line: [Character] = []
        var cursor = 0
        var position = history.count
        var draft: [Character] = []
        func redraw() {
            Terminal.writeNow("\r\u{1B}[2K" + prompt + String(line))
            let back = line.count - cursor
            if back > 0 { Terminal.writeNow("\u{1B}[\(back)D") }
        }
        var pendingBytes: [UInt8] = []
        while let byte = readByte() {
            switch byte {
            case 13, 10:
                Terminal.writeNow("\r\n")
                let text = String(line)
                remember(text)
                return .line(text)
            case 3:
                Terminal.writeNow("^C\r\n")
                return .interrupt
            case 4:
                if line.isEmpty { Terminal.writeNow("\r\n"); return .end }
            case 9:
                complete(&line, &cursor, prompt: prompt)
                redraw()
            case 26:
                // Ctrl-Z: with the signal keys off, suspend the shell as the terminal would, in cooked mode.
                RawTerminal.restore()
                Terminal.writeNow("\n")
                kill(getpid(), SIGTSTP)
                RawTerminal.enable()
                ShellTerminal.signalKeysOff()
                redraw()
            case 127, 8:
                if cursor > 0 { line.remove(at: cursor - 1); cursor -= 1; redraw() }
            case 1: cursor = 0; redraw()
            case 5: cursor = line.count; redraw()
            case 21: line.removeSubrange(0..<cursor); cursor = 0; redraw()
            case 27:
                guard readByte() == UInt8(ascii: "["), let code = readByte() else { continue }
                switch code {
                case UInt8(ascii: "A"):
                    if position > 0 {
                        if position == history.count { draft = line }
                        position -= 1
                        line = Array(history[position]); cursor = line.count; redraw()
                    }
                case UInt8(ascii: "B"):
                    if position < history.count {
                        position += 1
                        line = position == history.count ? draft : Array(history[position]); cursor = line.count; redraw()
                    }
                case UInt8(ascii: "C"): if cursor < line.count { cursor += 1; redraw() }
                case UInt8(ascii: "D"): if cursor > 0 { cursor -= 1; redraw() }
                case UInt8(ascii: "H"): cursor = 0; redraw()
                case UInt8(ascii: "F"): cursor = line.count; redraw()
                default: break
                }
            default:
                guard byte >= 32 else { continue }
                // Collect UTF-8 continuation bytes into one character.
                pendingBytes.append(byte)
                if let text = String(validating: pendingBytes, as: UTF8.self) {
                    pendingBytes = []
                    for character in text { line.insert(character, at: cursor); cursor += 1 }
                    redraw()
                } else if pendingBytes.count >= 4 {
                    pendingBytes = []
                }
            }
        }
        return .end
    }

    /// Adds a non-blank line to the history (not twice in a row) and appends it to the file at once.
    private mutating func remember(_ text: String) {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty, history.last != text else { return }
        history.append(text)
        if history.count > Self.historyLength { history.removeFirst(history.count - Self.historyLength) }
        guard let historyFile, let handle = FileHandle(forWritingAtPath: historyFile) ?? Self.create(historyFile) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((text + "\n").utf8))
    }

    private static func create(_ path: String) -> FileHandle? {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }

    /// Tab: completes the word before the cursor from ``completions``: the whole word when one
    /// matches, the common beginning when several do, and lists them when that adds nothing.
    private func complete(_ line: inout [Character], _ cursor: inout Int, prompt: String) {
        var start = cursor
        while start > 0, line[start - 1].isLetter || line[start - 1].isNumber || line[start - 1] == "_" { start -= 1 }
        let word = String(line[start..<cursor]).lowercased()
        guard !word.isEmpty else { return }
        let matches = Array(Set(completions.filter { $0.hasPrefix(word) })).sorted()
        guard let first = matches.first else { return }
        var common = first
        for match in matches.dropFirst() { while !match.hasPrefix(common) { common.removeLast() } }
        let addition = matches.count == 1 ? String(first.dropFirst(word.count)) + " " : String(common.dropFirst(word.count))
        if addition.isEmpty {
            Terminal.writeNow("\r\n" + matches.joined(separator: "  ") + "\r\n")
            return
        }
        line.insert(contentsOf: addition, at: cursor)
        cursor += addition.count
    }
}
