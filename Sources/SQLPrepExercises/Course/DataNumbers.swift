import Foundation
import SQLiteKit
import SQLPrepSandbox

/// Numbers about the data in an exercise's texts (`prompt.md`, `hints.md`, `explanation.md`), tied to
/// the reference result so that none can go stale unnoticed. Two forms, written between `{{` and `}}`
/// (Exercises/README.md is the authors' guide):
///
/// - `{{CELL}}`, a **placeholder**: replaced by the reference result's value whenever the text is shown,
///   printed to the column's declared decimals (`{{relative_lift_pct[device=mobile]}}` → `10.8`).
///   Not in `prompt.md`, which is copied into the answer file before any query has run.
/// - `{{TEXT | CLAIM}}`, a **checked number**: shows TEXT as written; `sqlprep validate` fails when
///   CLAIM does not hold on the reference result (`{{about a third | repeat_rate_pct in 30..37}}`).
///   Several claims are separated by `;`; TEXT may be empty, for a claim behind a sentence.
///
/// A CELL is `column` (a one-row result), `column[key=value, …]` (the one row whose columns hold
/// those values; quotes around a value are optional) or `column[#N]` (row N, from 1), with column
/// names from `exercise.txt`. A CLAIM is `A OP B` with OP one of `<`, `<=`, `>`, `>=`, `=`, or
/// `A in LOW..HIGH` (both ends included); A and B are arithmetic on cells and numbers (`+ - * /`,
/// parentheses, `sqrt(…)`). `A = 24.42` holds when A rounds to 24.42 at the decimals written.
public enum DataNumbers {
    /// A pointer to one value of the reference result.
    public struct Cell: Hashable, Sendable, CustomStringConvertible {
        public enum Row: Hashable, Sendable {
            case only
            case number(Int)
            case keys([Key])
        }

        public struct Key: Hashable, Sendable {
            public let column: String
            public let value: String
        }

        public let column: String
        public let row: Row
        public let text: String
        public var description: String { text }
    }

    indirect enum Expression: Sendable {
        case number(Double, decimals: Int)
        case cell(Cell)
        case negate(Expression)
        case squareRoot(Expression)
        case binary(Character, Expression, Expression)

        var cells: [Cell] {
            switch self {
            case .number: []
            case .cell(let cell): [cell]
            case .negate(let inner), .squareRoot(let inner): inner.cells
            case .binary(_, let a, let b): a.cells + b.cells
            }
        }
    }

    struct Claim: Sendable {
        enum Test: Sendable {
            case compare(String, Expression)
            case within(Double, Double)
        }

        let left: Expression
        let test: Test
        let text: String
    }

    enum Segment: Sendable {
        case text(String)
        case placeholder(Cell, source: String)
        case claim(display: String, [Claim], source: String)
    }

    /// Everything that can be wrong with a text before any query runs: the syntax, and column names
    /// that the exercise does not declare. `allowPlaceholders` is false for `prompt.md`.
    public static func syntaxProblems(in text: String, columns: [String], allowPlaceholders: Bool) -> [String] {
        switch parse(text, columns: columns) {
        case .failure(let problem): return [problem.message]
        case .success(let segments):
            guard !allowPlaceholders else { return [] }
            return segments.compactMap {
                guard case .placeholder(_, let source) = $0 else { return nil }
                return "\(source) is a placeholder, but prompt.md is copied into the learner's answer file before any query runs, so it cannot be filled in; write the number with a check instead ({{TEXT | CLAIM}})"
            }
        }
    }

    /// True when `text` has a placeholder, so showing it needs the reference result.
    public static func hasPlaceholders(_ text: String, columns: [String]) -> Bool {
        guard case .success(let segments) = parse(text, columns: columns) else { return false }
        return segments.contains { if case .placeholder = $0 { true } else { false } }
    }

    /// The text as a learner reads it: claims show their text, placeholders the reference's value
    /// (or "(not available)" when there is no reference to read it from).
    public static func render(_ text: String, contract: ResultContract, reference: QueryResult?) -> String {
        guard case .success(let segments) = parse(text, columns: contract.columns.map(\.name)) else { return text }
        var out = ""
        for segment in segments {
            switch segment {
            case .text(let plain): out += plain
            case .claim(let display, _, _): out += display
            case .placeholder(let cell, _):
                if let reference, case .success(let value) = resolve(cell, contract: contract, in: reference) {
                    out += format(value, column: contract.columns[index(of: cell.column, in: contract)!])
                } else {
                    out += "(not available)"
                }
            }
        }
        return out
    }

    /// What no longer agrees with the reference result: claims that do not hold, and cells that name
    /// no row, several rows or a NULL. One sentence each; empty when everything holds.
    public static func problems(in text: String, contract: ResultContract, reference: QueryResult) -> [String] {
        guard case .success(let segments) = parse(text, columns: contract.columns.map(\.name)) else { return [] }
        var problems: [String] = []
        for segment in segments {
            switch segment {
            case .text: continue
            case .placeholder(let cell, let source):
                switch resolve(cell, contract: contract, in: reference) {
                case .failure(let problem): problems.append("\(source): \(problem)")
                case .success(let value) where value.isNull: problems.append("\(source): \(cell) is NULL, so there is no number to show")
                case .success: continue
                }
            case .claim(_, let claims, let source):
                for claim in claims {
                    if let problem = check(claim, contract: contract, reference: reference) {
                        problems.append("\(source): \(problem)")
                    }
                }
            }
        }
        return problems
    }

    // MARK: - Values

    static func index(of column: String, in contract: ResultContract) -> Int? {
        contract.columns.firstIndex { $0.name.lowercased() == column.lowercased() }
    }

    /// The value a cell points at, or why there is none.
    static func resolve(_ cell: Cell, contract: ResultContract, in result: QueryResult) -> Result<Value, Problem> {
        guard let column = index(of: cell.column, in: contract), column < result.columns.count else {
            return .failure(Problem("the reference result has no column \(cell.column)"))
        }
        let rows: [[Value]]
        switch cell.row {
        case .only:
            guard result.rows.count == 1 else {
                return .failure(Problem("\(cell) names no row, and the reference result has \(result.rows.count) rows; add one, e.g. \(cell.column)[#1] or \(cell.column)[key=value]"))
            }
            rows = result.rows
        case .number(let number):
            guard (1...result.rows.count).contains(number) else {
                return .failure(Problem("\(cell) names row \(number), but the reference result has \(result.rows.count) rows"))
            }
            rows = [result.rows[number - 1]]
        case .keys(let keys):
            var matching = result.rows
            for key in keys {
                guard let keyColumn = index(of: key.column, in: contract) else {
                    return .failure(Problem("\(cell) names column \(key.column), which exercise.txt does not declare"))
                }
                matching = matching.filter { matches($0[keyColumn], key.value) }
            }
            guard matching.count == 1 else {
                return .failure(Problem(matching.isEmpty
                    ? "no row of the reference result has \(keys.map { "\($0.column) = \($0.value)" }.joined(separator: " and "))"
                    : "\(matching.count) rows of the reference result match \(cell); add a key so that one does"))
            }
            rows = matching
        }
        return .success(rows[0][column])
    }

    static func matches(_ value: Value, _ text: String) -> Bool {
        switch value {
        case .integer, .real:
            guard let number = Double(text), let actual = value.numericValue else { return false }
            return number == actual
        default:
            return value.description == text
        }
    }

    /// A value as a sentence shows it: to the column's decimals, with thousands separated for counts
    /// and money (2,389; 1,234.50).
    static func format(_ value: Value, column: ResultContract.Column) -> String {
        guard let number = value.numericValue else { return value.description }
        let grouped = column.kind.groupsThousands
        var text: String
        if let decimals = column.decimals {
            text = String(format: "%.\(decimals)f", number)
        } else if case .integer(let whole) = value {
            text = String(whole)
        } else {
            text = value.description
        }
        guard grouped else { return text }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = String(parts[0])
        var groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
        let whole = ([digits] + groups).joined(separator: ",")
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func evaluate(_ expression: Expression, contract: ResultContract, reference: QueryResult) -> Result<Double, Problem> {
        switch expression {
        case .number(let value, _): return .success(value)
        case .cell(let cell):
            switch resolve(cell, contract: contract, in: reference) {
            case .failure(let problem): return .failure(problem)
            case .success(let value):
                guard let number = value.numericValue else {
                    return .failure(Problem("\(cell) is \(value.isNull ? "NULL" : "the \(value.typeName) '\(value)'"), not a number"))
                }
                return .success(number)
            }
        case .negate(let inner):
            return evaluate(inner, contract: contract, reference: reference).map { -$0 }
        case .squareRoot(let inner):
            return evaluate(inner, contract: contract, reference: reference).flatMap { value in
                value >= 0 ? .success(value.squareRoot()) : .failure(Problem("the square root of a negative number"))
            }
        case .binary(let op, let a, let b):
            let left = evaluate(a, contract: contract, reference: reference)
            let right = evaluate(b, contract: contract, reference: reference)
            switch (left, right) {
            case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
            case (.success(let x), .success(let y)):
                switch op {
                case "+": return .success(x + y)
                case "-": return .success(x - y)
                case "*": return .success(x * y)
                default:
                    guard y != 0 else { return .failure(Problem("a division by zero")) }
                    return .success(x / y)
                }
            }
        }
    }

    /// Nil when the claim holds; else what the reference says instead.
    static func check(_ claim: Claim, contract: ResultContract, reference: QueryResult) -> String? {
        let left = evaluate(claim.left, contract: contract, reference: reference)
        let holds: Result<Bool, Problem>
        switch claim.test {
        case .within(let low, let high):
            holds = left.map { $0 >= low && $0 <= high }
        case .compare(let op, let rightExpression):
            let right = evaluate(rightExpression, contract: contract, reference: reference)
            switch (left, right) {
            case (.failure(let problem), _), (_, .failure(let problem)): holds = .failure(problem)
            case (.success(let x), .success(let y)):
                switch op {
                case "<": holds = .success(x < y)
                case "<=": holds = .success(x <= y)
                case ">": holds = .success(x > y)
                case ">=": holds = .success(x >= y)
                default:
                    // `= 24.42` allows what rounds to 24.42; between two computed sides, a hair of float error.
                    if case .number(_, let decimals) = rightExpression {
                        holds = .success(abs(x - y) <= 0.5 * pow(10, -Double(decimals)) + 1e-9)
                    } else {
                        holds = .success(abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)))
                    }
                }
            }
        }
        switch holds {
        case .failure(let problem): return problem.message
        case .success(true): return nil
        case .success(false):
            var cells = claim.left.cells
            if case .compare(_, let right) = claim.test { cells += right.cells }
            var seen = Set<Cell>()
            let values = cells.filter { seen.insert($0).inserted }.map { cell -> String in
                let value = (try? resolve(cell, contract: contract, in: reference).get()).map(\.description) ?? "?"
                return "\(cell) is \(value)"
            }
            return "'\(claim.text)' does not hold on the reference result: \(values.joined(separator: ", ")); update the text and its check"
        }
    }

    // MARK: - Parsing

    struct Problem: Error, Sendable {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func parse(_ text: String, columns: [String]) -> Result<[Segment], Problem> {
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            segments.append(.text(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                return .failure(Problem("'{{' at '\(rest[open.lowerBound...].prefix(30))…' has no closing '}}'"))
            }
            let inside = String(rest[open.upperBound..<close.lowerBound])
            let source = "{{\(inside)}}"
            if inside.contains("{{") { return .failure(Problem("\(source) holds another '{{'; close each mark with '}}'")) }
            if let bar = inside.firstIndex(of: "|") {
                let display = String(inside[..<bar]).trimmingCharacters(in: .whitespaces)
                var claims: [Claim] = []
                for part in inside[inside.index(after: bar)...].split(separator: ";") {
                    switch parseClaim(String(part).trimmingCharacters(in: .whitespaces), columns: columns) {
                    case .success(let claim): claims.append(claim)
                    case .failure(let problem): return .failure(Problem("\(source): \(problem.message)"))
                    }
                }
                if claims.isEmpty { return .failure(Problem("\(source) has no check after '|'")) }
                segments.append(.claim(display: display, claims, source: source))
            } else {
                var parser = ExpressionParser(text: inside, columns: columns)
                switch parser.cellOnly() {
                case .success(let cell): segments.append(.placeholder(cell, source: source))
                case .failure(let problem): return .failure(Problem("\(source): \(problem.message)"))
                }
            }
            rest = rest[close.upperBound...]
        }
        if rest.contains("}}") { return .failure(Problem("'}}' at '\(rest.prefix(30))…' closes nothing")) }
        segments.append(.text(String(rest)))
        return .success(segments)
    }

    static func parseClaim(_ text: String, columns: [String]) -> Result<Claim, Problem> {
        var parser = ExpressionParser(text: text, columns: columns)
        do {
            let left = try parser.expression()
            parser.skipSpaces()
            if parser.consume("in") {
                let low = try parser.signedNumber()
                parser.skipSpaces()
                guard parser.consume("..") else { throw Problem("write a range as LOW..HIGH") }
                let high = try parser.signedNumber()
                try parser.end()
                guard low <= high else { throw Problem("the range \(low)..\(high) is empty") }
                return .success(Claim(left: left, test: .within(low, high), text: text))
            }
            guard let op = ["<=", ">=", "<", ">", "="].first(where: { parser.consume($0) }) else {
                throw Problem("'\(text)' needs a comparison: <, <=, >, >=, = or in LOW..HIGH")
            }
            let right = try parser.expression()
            try parser.end()
            return .success(Claim(left: left, test: .compare(op, right), text: text))
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem("\(error)"))
        }
    }

    /// A small recursive-descent parser for cells and arithmetic.
    struct ExpressionParser {
        let characters: [Character]
        let columns: [String]
        var position = 0

        init(text: String, columns: [String]) {
            characters = Array(text)
            self.columns = columns
        }

        var text: String { String(characters) }

        mutating func skipSpaces() {
            while position < characters.count, characters[position] == " " { position += 1 }
        }

        mutating func consume(_ word: String) -> Bool {
            skipSpaces()
            let word = Array(word)
            guard position + word.count <= characters.count, Array(characters[position..<position + word.count]) == word else { return false }
            // A word operator must stand alone: "in" is not the start of "income".
            if word.last!.isLetter, position + word.count < characters.count,
               characters[position + word.count].isLetter || characters[position + word.count].isNumber || characters[position + word.count] == "_" {
                return false
            }
            position += word.count
            return true
        }

        mutating func end() throws {
            skipSpaces()
            guard position == characters.count else { throw Problem("unexpected '\(String(characters[position...]))' in '\(text)'") }
        }

        mutating func cellOnly() -> Result<Cell, Problem> {
            do {
                skipSpaces()
                let cell = try self.cell()
                try end()
                return .success(cell)
            } catch let problem as Problem {
                return .failure(problem)
            } catch {
                return .failure(Problem("\(error)"))
            }
        }

        mutating func expression() throws -> Expression {
            var value = try term()
            while true {
                if consume("+") { value = .binary("+", value, try term()) } else if consume("-") { value = .binary("-", value, try term()) } else { return value }
            }
        }

        mutating func term() throws -> Expression {
            var value = try factor()
            while true {
                if consume("*") { value = .binary("*", value, try factor()) } else if consume("/") { value = .binary("/", value, try factor()) } else { return value }
            }
        }

        mutating func factor() throws -> Expression {
            skipSpaces()
            if consume("-") { return .negate(try factor()) }
            if consume("sqrt") {
                guard consume("(") else { throw Problem("write sqrt(…) with parentheses in '\(text)'") }
                let inner = try expression()
                guard consume(")") else { throw Problem("a '(' in '\(text)' is not closed") }
                return .squareRoot(inner)
            }
            if consume("(") {
                let inner = try expression()
                guard consume(")") else { throw Problem("a '(' in '\(text)' is not closed") }
                return inner
            }
            guard position < characters.count else { throw Problem("'\(text)' ends where a number or a column was expected") }
            if characters[position].isNumber {
                let (value, decimals) = try number()
                return .number(value, decimals: decimals)
            }
            return .cell(try cell())
        }

        mutating func signedNumber() throws -> Double {
            skipSpaces()
            let negative = consume("-")
            skipSpaces()
            return (negative ? -1 : 1) * (try number().0)
        }

        mutating func number() throws -> (Double, Int) {
            let start = position
            while position < characters.count, characters[position].isNumber { position += 1 }
            var decimals = 0
            // A '.' followed by a digit is a decimal point; ".." is a range.
            if position + 1 < characters.count, characters[position] == ".", characters[position + 1].isNumber {
                position += 1
                while position < characters.count, characters[position].isNumber { position += 1; decimals += 1 }
            }
            guard let value = Double(String(characters[start..<position])), position > start else {
                throw Problem("a number was expected in '\(text)'")
            }
            return (value, decimals)
        }

        mutating func cell() throws -> Cell {
            let start = position
            while position < characters.count, characters[position].isLetter || characters[position].isNumber || characters[position] == "_" { position += 1 }
            let column = String(characters[start..<position])
            guard !column.isEmpty else { throw Problem("a column name was expected in '\(text)'") }
            guard columns.contains(where: { $0.lowercased() == column.lowercased() }) else {
                throw Problem("'\(column)' is not a column of this exercise (exercise.txt declares \(columns.joined(separator: ", ")))")
            }
            var row = Cell.Row.only
            if position < characters.count, characters[position] == "[" {
                guard let close = characters[position...].firstIndex(of: "]") else { throw Problem("a '[' in '\(text)' is not closed") }
                let inside = String(characters[(position + 1)..<close]).trimmingCharacters(in: .whitespaces)
                position = close + 1
                if inside.hasPrefix("#") {
                    guard let number = Int(inside.dropFirst()), number >= 1 else { throw Problem("write a row number as [#N], N from 1, not [\(inside)]") }
                    row = .number(number)
                } else {
                    var keys: [Cell.Key] = []
                    for pair in inside.split(separator: ",") {
                        let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                            throw Problem("write a row as [column=value, …] or [#N], not [\(inside)]")
                        }
                        guard columns.contains(where: { $0.lowercased() == parts[0].lowercased() }) else {
                            throw Problem("'\(parts[0])' is not a column of this exercise (exercise.txt declares \(columns.joined(separator: ", ")))")
                        }
                        var value = parts[1]
                        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") { value = String(value.dropFirst().dropLast()) }
                        keys.append(Cell.Key(column: parts[0], value: value))
                    }
                    row = .keys(keys)
                }
            }
            return Cell(column: column, row: row, text: String(characters[start..<position]))
        }
    }
}

extension Exercise {
    /// True when a hint or the explanation has a placeholder, so showing it needs the reference result.
    public var textsNeedReference: Bool {
        let columns = contract.columns.map(\.name)
        return DataNumbers.hasPlaceholders(explanation, columns: columns)
            || hints.contains { DataNumbers.hasPlaceholders($0.text, columns: columns) }
    }

    /// The prompt as a learner reads it (claims show their text; a prompt has no placeholders).
    public var promptText: String {
        DataNumbers.render(prompt, contract: contract, reference: nil).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The explanation as a learner reads it, placeholders filled from `reference`.
    public func explanationText(reference: QueryResult?) -> String {
        DataNumbers.render(explanation, contract: contract, reference: reference).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A hint as a learner reads it, placeholders filled from `reference`.
    public func text(of hint: Hint, reference: QueryResult?) -> String {
        DataNumbers.render(hint.text, contract: contract, reference: reference).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
