import Foundation

/// Puts the terminal in raw mode (keys arrive one at a time, unechoed) and always restores it:
/// on `restore()`, and on SIGINT/SIGTERM/SIGHUP so an interrupted `watch` or `shell` never leaves
/// the terminal unusable.
enum RawTerminal {
    nonisolated(unsafe) private static var original = termios()
    nonisolated(unsafe) private static var active = false

    static func enable() {
        guard isatty(STDIN_FILENO) == 1, !active else { return }
        tcgetattr(STDIN_FILENO, &original)
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        active = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { signal in
                RawTerminal.restore()
                Terminal.writeNow("\u{1B}[?25h\n")
                _exit(128 + signal)
            }
        }
    }

    static func restore() {
        guard active else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &original)
        active = false
    }

    /// The terminal's size, or 100×30 when unknown.
    static var size: (columns: Int, rows: Int) {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return (Int(size.ws_col), Int(size.ws_row))
        }
        return (Terminal.width, 30)
    }

    /// Waits up to `milliseconds` for input on stdin or `otherFD`; returns which are readable.
    static func wait(milliseconds: Int32, otherFD: Int32 = -1) -> (stdin: Bool, other: Bool) {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if otherFD >= 0 { fds.append(pollfd(fd: otherFD, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        guard ready > 0 else { return (false, false) }
        return (fds[0].revents & Int16(POLLIN | POLLHUP) != 0, fds.count > 1 && fds[1].revents & Int16(POLLIN) != 0)
    }

    /// Reads one byte from stdin, or nil at end of input.
    static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }
}
