import Foundation

/// A small line editor for `sqlprep shell` on a terminal: ←/→, Home/End (Ctrl-A/E), Backspace,
/// ↑/↓ through history, Ctrl-C to drop the line, Ctrl-D on an empty line to quit.
/// (Hand-written: the system readline/libedit would add a C dependency to every build for what is
/// a few dozen lines here.)
struct LineEditor {
    private(set) var history: [String] = []
    let historyFile: String?

    init(historyFile: String?) {
        self.historyFile = historyFile
        if let historyFile, let text = try? String(contentsOfFile: historyFile, encoding: .utf8) {
            history = text.split(separator: "\n").map(String.init).suffix(500)
        }
    }

    enum Input {
        case line(String)
        case interrupt
        case end
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
        while let byte = RawTerminal.readByte() {
            switch byte {
            case 13, 10:
                Terminal.writeNow("\r\n")
                let text = String(line)
                if !text.trimmingCharacters(in: .whitespaces).isEmpty && history.last != text { history.append(text) }
                return .line(text)
            case 3:
                Terminal.writeNow("^C\r\n")
                return .interrupt
            case 4:
                if line.isEmpty { Terminal.writeNow("\r\n"); return .end }
            case 127, 8:
                if cursor > 0 { line.remove(at: cursor - 1); cursor -= 1; redraw() }
            case 1: cursor = 0; redraw()
            case 5: cursor = line.count; redraw()
            case 21: line.removeSubrange(0..<cursor); cursor = 0; redraw()
            case 27:
                guard RawTerminal.readByte() == UInt8(ascii: "["), let code = RawTerminal.readByte() else { continue }
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

    func save() {
        guard let historyFile else { return }
        try? (history.suffix(500).joined(separator: "\n") + "\n").write(toFile: historyFile, atomically: true, encoding: .utf8)
    }
}
