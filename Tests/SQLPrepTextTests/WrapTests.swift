import SQLPrepText
import Testing

/// Wrapping text for a terminal: at spaces, escapes taking no room.
@Suite("Wrapping text at word boundaries")
struct WrapTests {
    @Test("Lines break between words, never inside one that fits", arguments: [
        ("short", 20, ["short"]),
        ("the quick brown fox jumps", 10, ["the quick", "brown fox", "jumps"]),
        ("exactly ten", 11, ["exactly ten"]),
        ("  indented words wrap under the indent", 16, ["  indented words", "  wrap under the", "  indent"]),
        ("abcdefghijklmnop x", 5, ["abcde", "fghij", "klmno", "p x"]),  // only a word longer than a line is cut
    ])
    func wrap(line: String, width: Int, expected: [String]) {
        #expect(Wording.wrap(line, width: width) == expected)
    }

    @Test("Colour escapes take no room and are kept whole")
    func escapes() {
        let style = TextStyle(color: true)
        let line = style.red("✗ not") + " yet, the " + style.bold("percentage") + " is off"
        #expect(Wording.visibleWidth(line) == 32)
        let lines = Wording.wrap(line, width: 16)
        #expect(lines.map { Wording.visibleWidth($0) }.allSatisfy { $0 <= 16 })
        #expect(lines.joined(separator: " ") == line, "only spaces became line breaks")
        #expect(Wording.wrap(line, width: 40) == [line])
    }
}
