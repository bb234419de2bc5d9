/// One instruction of a statement's compiled program, as `EXPLAIN` lists it
/// (<https://www.sqlite.org/opcode.html>).
public struct ProgramInstruction: Sendable, Hashable {
    public let opcode: String
    public let p1: Int64
    public let p2: Int64
    public let p3: Int64
    /// The fourth operand as SQLite displays it (a function's name and argument count, a
    /// collation, a string literal, a key's sort orders and collations…), or nil.
    public let p4: String?
    public let p5: Int64

    public init(opcode: String, p1: Int64, p2: Int64, p3: Int64, p4: String?, p5: Int64) {
        self.opcode = opcode
        self.p1 = p1
        self.p2 = p2
        self.p3 = p3
        self.p4 = p4
        self.p5 = p5
    }
}

extension Connection {
    /// The compiled program of `statement` (prepared on this connection): `EXPLAIN` of its text,
    /// listed without running it.
    public func program(of statement: Statement) throws -> [ProgramInstruction] {
        let explain = try prepare("EXPLAIN " + statement.sql)
        var instructions: [ProgramInstruction] = []
        try explain.step { row in
            func int(_ index: Int) -> Int64 { if case .integer(let value) = row[index] { value } else { 0 } }
            let p4: String?
            switch row[5] {
            case .null: p4 = nil
            case .text(let text): p4 = text
            case .integer(let value): p4 = String(value)
            case .real(let value): p4 = "\(value)"
            case .blob(let bytes): p4 = "x" + bytes.map { String($0, radix: 16) }.joined()
            }
            let opcode: String = if case .text(let name) = row[1] { name } else { "" }
            instructions.append(ProgramInstruction(opcode: opcode, p1: int(2), p2: int(3), p3: int(4), p4: p4, p5: int(6)))
            return true
        }
        return instructions
    }
}
