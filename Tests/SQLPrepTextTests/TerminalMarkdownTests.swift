import SQLPrepText
import Testing

/// The course's Markdown as terminal text: plain without colour, styled with it, never raw.
struct TerminalMarkdownTests {
    static let plain = TextStyle(color: false)
    static let color = TextStyle(color: true)

    @Test("Without colour: the words, no markers", arguments: [
        ("*greater*", "greater"),
        ("is **not** counted", "is not counted"),
        ("**Metric.** Orders per `status`.", "Metric. Orders per status."),
        ("`COUNT(*) / COUNT(*)` divides", "COUNT(*) / COUNT(*) divides"),  // code is verbatim: its `*` stay
        ("a `**` in code", "a ** in code"),
        ("``a ` tick``", "a ` tick"),
        ("_emphasis_ here", "emphasis here"),
        ("share_pct and user_id stay names", "share_pct and user_id stay names"),
        ("2 * 3 * 4", "2 * 3 * 4"),  // a lone asterisk between spaces is not emphasis
        ("an escaped \\*star\\*", "an escaped *star*"),
        ("**bold with `code` inside**", "bold with code inside"),
        ("unclosed `tick", "unclosed `tick"),
        ("# A heading", "A heading"),
        ("## Another ##", "Another"),
        ("line one\nline two", "line one line two"),  // one paragraph, re-wrapped
        ("para one\n\npara two", "para one\n\npara two"),
        ("> quoted *text*", "│ quoted text"),
        ("crlf\r\nlines", "crlf lines"),
    ])
    func plainText(_ markdown: String, _ expected: String) {
        #expect(TerminalMarkdown.render(markdown, style: Self.plain, width: 100) == expected)
    }

    @Test("Lists: bullets or numbers, items wrapped with a hanging indent, nested by indentation", arguments: [
        ("- `status` — the order status;\n- `orders` — how many", "  • status — the order status;\n  • orders — how many"),
        ("* one\n* two", "  • one\n  • two"),
        ("1. first\n2. second\n10. tenth", "  1.  first\n  2.  second\n  10. tenth"),
        ("- an item whose text is long enough to wrap onto a second line here", "  • an item whose text is long enough to\n    wrap onto a second line here"),
        ("- item\n  continued on an indented line", "  • item continued on an indented line"),
        ("- outer\n  - inner", "  • outer\n    • inner"),
        ("Intro:\n\n- a\n- b\n\nAfter.", "Intro:\n\n  • a\n  • b\n\nAfter."),
        ("- a\n\n- b", "  • a\n  • b"),
    ])
    func lists(_ markdown: String, _ expected: String) {
        #expect(TerminalMarkdown.render(markdown, style: Self.plain, width: 40) == expected)
    }

    @Test("Code blocks are kept verbatim (markers, spacing, long lines), indented")
    func codeBlock() {
        let markdown = "Try:\n\n```sql\nSELECT **x**, `y`\n  FROM t    -- a comment that is much longer than the width of forty\n```\n\nDone."
        let expected = "Try:\n\n    SELECT **x**, `y`\n      FROM t    -- a comment that is much longer than the width of forty\n\nDone."
        #expect(TerminalMarkdown.render(markdown, style: Self.plain, width: 40) == expected)
    }

    @Test("Paragraphs wrap at the width; a word longer than the width gets a line of its own")
    func wrapping() {
        let text = TerminalMarkdown.render("aaa bbb ccc ddd eee fff ggg hhh iii jjj kkk lll mmm nnn ooo ppp qqq rrr " + String(repeating: "x", count: 30), style: Self.plain, width: 20)
        #expect(text == "aaa bbb ccc ddd eee\nfff ggg hhh iii jjj\nkkk lll mmm nnn ooo\nppp qqq rrr\n" + String(repeating: "x", count: 30))
    }

    @Test("A code span is never broken across lines, even when it holds spaces")
    func codeSpanUnbroken() {
        let text = TerminalMarkdown.render("Then take `ROUND(100.0 * (previous - sessions) / previous, 1)` as the drop-off.", style: Self.plain, width: 40)
        #expect(text == "Then take\nROUND(100.0 * (previous - sessions) / previous, 1)\nas the drop-off.")
    }

    @Test("Wrapping counts visible characters only: styled text wraps where plain text does")
    func wrappingIgnoresEscapes() {
        let markdown = "**bold words** and `code words` and *more words* here to wrap somewhere"
        let styled = TerminalMarkdown.render(markdown, style: Self.color, width: 30)
        let unstyled = TerminalMarkdown.render(markdown, style: Self.plain, width: 30)
        #expect(Self.stripEscapes(styled) == unstyled)
        #expect(styled.split(separator: "\n").count == unstyled.split(separator: "\n").count)
    }

    @Test("Tables: aligned columns, the header ruled, cells rendered")
    func table() {
        let markdown = "| step_no | step |\n|---|---|\n| 1 | `page_view` |\n| 2 | **product_view** |"
        let expected = "  step_no  step\n  ───────  ────────────\n  1        page_view\n  2        product_view"
        #expect(TerminalMarkdown.render(markdown, style: Self.plain, width: 100) == expected)
    }

    @Test("With colour: strong is bold, emphasis underlined, code coloured", arguments: [
        ("**not**", "\u{1B}[1mnot\u{1B}[0m"),
        ("*greater*", "\u{1B}[4mgreater\u{1B}[0m"),
        ("`x`", "\u{1B}[36mx\u{1B}[0m"),
        ("**a *b***", "\u{1B}[1ma \u{1B}[0m\u{1B}[1;4mb\u{1B}[0m"),
        ("*two words*", "\u{1B}[4mtwo words\u{1B}[0m"),
    ])
    func styled(_ markdown: String, _ expected: String) {
        #expect(TerminalMarkdown.render(markdown, style: Self.color, width: 100) == expected)
    }

    static func stripEscapes(_ text: String) -> String {
        var out = "", skipping = false
        for char in text {
            if char == "\u{1B}" { skipping = true } else if skipping { if char == "m" { skipping = false } } else { out.append(char) }
        }
        return out
    }
}
