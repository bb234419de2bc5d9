/// Small helpers for English text and indented blocks, shared by every renderer.
public enum Wording {
    /// The plural suffix for `count` things: "" for one, "s" otherwise ("1 row", "2 rows", "0 rows").
    public static func plural(_ count: Int) -> String { count == 1 ? "" : "s" }

    /// Every line of `text` (empty ones too) prefixed with `prefix`, two spaces unless told.
    public static func indent(_ text: String, by prefix: String = "  ") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }
}
