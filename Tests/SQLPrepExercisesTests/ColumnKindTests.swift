import SQLPrepExercises
import Testing

@Suite("Column kinds")
struct ColumnKindTests {
    typealias Kind = ResultContract.Kind

    @Test("Each kind says what it implies", arguments: [
        // kind, numeric, measure, share, fractions, total, date-like, label, thousands
        (Kind.count, [true, true, false, false, true, false, false, true]),
        (.integer, [true, false, false, false, true, false, false, false]),
        (.ratio, [true, true, true, true, false, false, false, false]),
        (.percent, [true, true, true, true, false, false, false, false]),
        (.money, [true, true, false, true, true, false, false, true]),
        (.number, [true, true, false, true, false, false, false, false]),
        (.date, [false, false, false, false, false, true, false, false]),
        (.month, [false, false, false, false, false, true, false, false]),
        (.timestamp, [false, false, false, false, false, true, false, false]),
        (.text, [false, false, false, false, false, false, true, false]),
    ])
    func properties(kind: Kind, expected: [Bool]) {
        let actual = [kind.isNumeric, kind.isMeasure, kind.isShare, kind.holdsFractions, kind.isTotal, kind.isDateLike, kind.isLabel, kind.groupsThousands]
        #expect(actual == expected, "\(kind)")
    }

    @Test("Every kind is in the table above")
    func everyKind() {
        #expect(Kind.allCases.count == 10)
    }
}
