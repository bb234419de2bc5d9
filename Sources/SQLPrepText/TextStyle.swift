/// ANSI styling for a terminal, so the libraries can mark up text without knowing about terminals:
/// with `color` off every function returns its text unchanged (files, pipes, `NO_COLOR`).
public struct TextStyle: Sendable {
    public var color: Bool
    public init(color: Bool) { self.color = color }

    /// `text` between the SGR code `code` and a reset, or `text` itself without colour.
    public func wrap(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    public func red(_ s: String) -> String { wrap(s, "31") }
    public func green(_ s: String) -> String { wrap(s, "32") }
    public func yellow(_ s: String) -> String { wrap(s, "33") }
}
