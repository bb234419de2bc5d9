import SQLPrepText
import Testing

/// "Did you mean …?": offered for likely typos only.
struct SuggestionTests {
    static let commands = ["next", "submit", "hint", "watch", "shell", "run", "list", "progress", "show", "solution", "skip", "goto", "reset", "init"]
    static let ids = ["orders-by-status", "users-by-country", "cpc-by-channel", "cpo-by-channel", "ctr-by-campaign"]

    @Test(arguments: [
        ("nxt", commands, ["next"]),
        ("sumbit", commands, ["submit"]),  // a swap of neighbours is one edit
        ("NEXT", commands, ["next"]),  // case is ignored
        ("lsit", commands, ["list"]),
        ("sho", commands, ["show"]),  // "shell" is three edits away: too far for three letters
        ("frobnicate", commands, []),
        ("x", commands, []),
        ("", commands, []),
        ("cpc-by-chanel", ids, ["cpc-by-channel", "cpo-by-channel"]),
        ("orders-by-statu", ids, ["orders-by-status"]),
        ("status", ids, ["orders-by-status"]),  // a part of four characters or more
        ("by", ids, []),  // too short to stand for anything
        ("zzzzzzzz", ids, []),
    ] as [(String, [String], [String])])
    func closest(_ input: String, _ names: [String], _ expected: [String]) {
        #expect(Suggestion.closest(to: input, among: names) == expected)
    }

    @Test(arguments: [
        ([], ""),
        (["next"], "Did you mean 'next'?"),
        (["show", "shell"], "Did you mean 'show' or 'shell'?"),
        (["a", "b", "c"], "Did you mean 'a', 'b' or 'c'?"),
    ] as [([String], String)])
    func phrase(_ names: [String], _ expected: String) {
        #expect(Suggestion.phrase(names) == expected)
    }
}
