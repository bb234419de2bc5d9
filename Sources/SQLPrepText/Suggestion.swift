/// "Did you mean …?": the names closest to a mistyped one, by edit distance, offered only when one
/// is close enough to be a likely typo.
public enum Suggestion {
    /// The names within the typo budget of `input`, closest first (ties in the given order), at most
    /// `limit`. A name counts as close when its optimal-string-alignment distance (insertions,
    /// deletions, substitutions and swaps of neighbours, each 1) is at most a third of the input's
    /// length, between 1 and 3 (`nxt` → `next`, `sumbit` → `submit`, `cpc-by-chanel` →
    /// `cpc-by-channel`), or when it holds an input of four characters or more (`status` →
    /// `orders-by-status`). Case is ignored (`NEXT` → `next`).
    public static func closest(to input: String, among names: [String], limit: Int = 3) -> [String] {
        let typed = Array(input.lowercased())
        guard !typed.isEmpty else { return [] }
        let budget = max(1, min(3, typed.count / 3))
        var scored: [(name: String, score: Int, order: Int)] = []
        for (order, name) in names.enumerated() {
            guard name != input else { continue }
            let candidate = Array(name.lowercased())
            let distance = Self.distance(typed, candidate)
            if distance <= budget {
                scored.append((name, distance, order))
            } else if typed.count >= 4, name.lowercased().contains(input.lowercased()) {
                scored.append((name, budget + 1, order))
            }
        }
        return scored.sorted { ($0.score, $0.order) < ($1.score, $1.order) }.prefix(limit).map(\.name)
    }

    /// The optimal-string-alignment distance between `a` and `b`.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }

    /// "Did you mean `a`?" / "Did you mean `a`, `b` or `c`?", or "" when there is nothing close.
    public static func phrase(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        let quoted = names.map { "'\($0)'" }
        return "Did you mean " + (names.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + "'\(last)'") + "?"
    }
}
