import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepSandbox

/// Notes on the SQL text itself: nondeterministic functions, and other dialects' syntax.
public enum SQLTextNotes {
    /// A window that ends at a bare date (`BETWEEN '2025-01-01' AND '2025-03-31'`, `<= '2025-03-31'`)
    /// stops at midnight, so a column holding times loses everything later on the last day. Said
    /// only when the result is wrong; only for a column that holds times (`holdsTimes`, asked with
    /// the unqualified name: a day column such as spend_date compares fine); and never for a bound
    /// the reference uses too (the same column and bound, qualifiers and spacing aside).
    public static func dateOnlyUpperBound(
        _ sql: String, reference: String = "",
        holdsTimes: (String) -> Bool = { !ShopSchema.tablesHoldingMoments(column: $0).isEmpty }
    ) -> Diagnosis? {
        // A column (maybe qualified; not a call's result such as date(x)), then a bare-date end: a
        // date literal, or BETWEEN day bounds (`started_at BETWEEN date(d, '-6 days') AND d`).
        let column = #"(?<![\w.)])((?:[a-z_]\w*\.)?[a-z_]\w*)"#
        let day = #"'\d{4}-\d{2}-\d{2}'"#, dayCall = #"date\([^()]*\)"#, name = #"[a-z_]\w*(?:\.[a-z_]\w*)?\b(?!\s*\()"#
        let patterns = [
            column + #"\s+between\s+(?:"# + day + "|" + dayCall + #")\s+and\s+("# + day + "|" + dayCall + "|" + name + ")",
            column + #"\s+between\s+(?:(?!\band\b)[^()]|\([^()]*\))+?\s+and\s+("# + day + "|" + dayCall + ")",
            column + #"\s*<=\s*("# + day + "|" + dayCall + ")",
        ]
        func bounds(_ text: String) -> [(column: String, bound: String)] {
            let code = SQLText.code(text, keepingStrings: true).lowercased() as NSString
            return patterns.flatMap { pattern in
                (try? NSRegularExpression(pattern: pattern))?.matches(in: code as String, range: NSRange(location: 0, length: code.length)) ?? []
            }.compactMap { match in
                let unqualified = { (text: String) in String(text.split(separator: ".").last ?? Substring(text)) }
                let column = unqualified(code.substring(with: match.range(at: 1)))
                let end = code.substring(with: match.range(at: 2))
                // BETWEEN … AND another column that holds times ends at a moment, not a bare date.
                if !end.hasPrefix("'") && !end.hasPrefix("date(") && holdsTimes(unqualified(end)) { return nil }
                let bound = code.substring(with: match.range)
                    .replacingOccurrences(of: #"[a-z_]\w*\."#, with: "", options: .regularExpression)
                    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                return (column, bound)
            }
        }
        let theirs = Set(bounds(reference).map(\.bound))
        guard let column = bounds(sql).first(where: { !theirs.contains($0.bound) && holdsTimes($0.column) })?.column else { return nil }
        return Diagnosis(
            .shiftedWindow,
            "The query ends a window on \(column) at a bare date (BETWEEN … AND a date, or <= 'YYYY-MM-DD'). \(column) holds times, so the window stops at midnight and leaves out everything later on the last day. Compare dates with dates (date(\(column)) BETWEEN …), or end before the next day: \(column) >= '2025-01-01' AND \(column) < '2025-04-01'.")
    }

    /// Codes and messages for things in the SQL that SQLite does differently or that change run to
    /// run. They read the code only, never comments or (except for 'now') string literals, and are
    /// the same for every command that runs SQL: `run` and `shell` print them after the result or
    /// the error, `submit`, `watch` and `grade` after the verdict.
    public static func notes(for sql: String) -> [Diagnosis] {
        let stripped = SQLText.code(sql).lowercased()
        let withStrings = SQLText.code(sql, keepingStrings: true).lowercased()
        var notes: [Diagnosis] = []
        let nondeterministic = ["random(", "randomblob(", "'now'", "current_timestamp", "current_date", "current_time"]
        let hits = nondeterministic.filter { pattern in
            pattern == "'now'" ? withStrings.contains("'now'") : stripped.contains(pattern)
        }
        if !hits.isEmpty {
            let names = hits.map { $0.replacingOccurrences(of: "(", with: "()") }
            let usesClock = hits.contains { !$0.hasPrefix("random") }
            notes.append(Diagnosis(
                .nondeterministic,
                "The query uses \(names.joined(separator: ", ")), which \(names.count == 1 ? "gives" : "give") a different result from run to run, so the result does not depend on the data alone."
                    + (usesClock ? " The data ends on 2025-06-30: use fixed dates from it instead of today's." : "")))
        }
        for rule in dialectRules where rule.matches(stripped) {
            notes.append(Diagnosis(.dialect, rule.advice))
        }
        return notes
    }

    struct DialectRule {
        let pattern: String
        let advice: String
        func matches(_ text: String) -> Bool {
            text.range(of: pattern, options: .regularExpression) != nil
        }
    }

    static let dialectRules: [DialectRule] = [
        DialectRule(pattern: #"\bdate_trunc\s*\("#, advice: "DATE_TRUNC is PostgreSQL. In SQLite: strftime('%Y-%m', ts) for the month, date(ts) for the day, date(ts, 'weekday 0', '-6 days') for the week starting Monday."),
        DialectRule(pattern: #"\bextract\s*\("#, advice: "EXTRACT(… FROM …) is PostgreSQL/MySQL. In SQLite: strftime('%Y', ts), strftime('%m', ts), strftime('%w', ts) (0 = Sunday), CAST(... AS INTEGER) if you need a number."),
        DialectRule(pattern: #"\binterval\b"#, advice: "INTERVAL is not SQLite. Shift dates with modifiers: date(ts, '+7 days'), datetime(ts, '-1 month')."),
        DialectRule(pattern: #"\bdatediff\s*\("#, advice: "DATEDIFF is MySQL/SQL Server. In SQLite: julianday(b) - julianday(a) gives days (a real number)."),
        DialectRule(pattern: #"\bilike\b"#, advice: "ILIKE is PostgreSQL. SQLite's LIKE is already case-insensitive for ASCII letters."),
        DialectRule(pattern: #"::\s*[a-z]"#, advice: "The :: cast is PostgreSQL. In SQLite: CAST(x AS REAL), CAST(x AS INTEGER), CAST(x AS TEXT)."),
        DialectRule(pattern: #"\bselect\s+(distinct\s+)?top\s+\d"#, advice: "SELECT TOP n is SQL Server. In SQLite: put LIMIT n at the end of the query."),
        DialectRule(pattern: #"\bnow\s*\(\s*\)"#, advice: "NOW() is PostgreSQL/MySQL. SQLite has datetime('now'), but an answer should not depend on today's date: the data ends on 2025-06-30."),
        DialectRule(pattern: #"\bgetdate\s*\(\s*\)"#, advice: "GETDATE() is SQL Server. The dataset ends on 2025-06-30; use fixed dates."),
        DialectRule(pattern: #"\b(to_char|to_date|date_format|date_add|date_sub|dateadd)\s*\("#, advice: "That date function is from another database. In SQLite use strftime(format, ts) to format and date(ts, '+N days') to shift."),
        DialectRule(pattern: #"\bisnull\s*\("#, advice: "ISNULL(x, y) is SQL Server. In SQLite: COALESCE(x, y) or IFNULL(x, y)."),
        DialectRule(pattern: #"\bnvl\s*\("#, advice: "NVL is Oracle. In SQLite: COALESCE(x, y)."),
        DialectRule(pattern: #"\bfull\s+(outer\s+)?join\b"#, advice: fullJoinAdvice(linkedVersion: SQLiteLibrary.version)),
        DialectRule(pattern: #"\bqualify\b"#, advice: "QUALIFY is Snowflake/BigQuery. In SQLite, compute the window function in a subquery or CTE and filter it in the outer WHERE."),
    ]

    /// FULL OUTER JOIN exists from SQLite 3.39 on; whether it runs depends on the SQLite sqlprep is linked with.
    static func fullJoinAdvice(linkedVersion version: String) -> String {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        let supported = parts.count >= 2 && (parts[0], parts[1]) >= (3, 39)
        return supported
            ? "FULL OUTER JOIN needs SQLite 3.39 or later; this sqlprep runs SQLite \(version), so it works here, but check that you need it."
            : "FULL OUTER JOIN needs SQLite 3.39 or later, and this sqlprep runs SQLite \(version). Combine a LEFT JOIN with the other side's unmatched rows (UNION ALL … WHERE … IS NULL)."
    }

    /// The SQL with string literals and comments blanked out, so patterns match only code.
    static func stripStringsAndComments(_ sql: String) -> String {
        SQLText.code(sql)
    }
}
