extension ResultContract {
    /// What a column holds, as `exercise.txt` declares it (`column: rate | ratio | 1`). The kind
    /// says what it implies (is it a measure? a date? a share?), so that checks read a property
    /// rather than a list of cases, and a new kind is described in one place.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case count, integer, ratio, percent, money, number, date, month, timestamp, text

        public var isNumeric: Bool {
            switch self {
            case .count, .integer, .ratio, .percent, .money, .number: true
            default: false
            }
        }

        /// A measured quantity, as opposed to a dimension that identifies a row: every numeric
        /// kind but `integer`, which also holds ids and step numbers (product_id, step_no).
        public var isMeasure: Bool { isNumeric && self != .integer }

        /// A share of a whole (a fraction or a percentage): the result of a division, so a mistake
        /// in a division (integer division, say) shows in it too.
        public var isShare: Bool { self == .ratio || self == .percent }

        /// A number that may have a fraction: one that integer division can cut off.
        public var holdsFractions: Bool {
            switch self {
            case .ratio, .percent, .number, .money: true
            default: false
            }
        }

        /// A total of things or amounts (counts, money, whole numbers): rows counted twice make it larger.
        public var isTotal: Bool { self == .count || self == .money || self == .integer }

        /// A calendar value (a date, a month or a timestamp): the axis a date window runs along.
        public var isDateLike: Bool { self == .date || self == .month || self == .timestamp }

        /// A text label that names a group (a channel, a category).
        public var isLabel: Bool { self == .text }

        /// Written with thousands separated when a sentence quotes it (2,389; 1,234.50).
        public var groupsThousands: Bool { self == .count || self == .money }

        /// Plain words for the contract table shown to learners.
        public var meaning: String {
            switch self {
            case .count: "a whole number of things"
            case .integer: "a whole number"
            case .ratio: "a fraction from 0 to 1"
            case .percent: "a percentage (12.5 for 12.5 %)"
            case .money: "an amount of money"
            case .number: "a number"
            case .date: "a date, YYYY-MM-DD"
            case .month: "a month, YYYY-MM"
            case .timestamp: "a timestamp, YYYY-MM-DD HH:MM:SS"
            case .text: "text"
            }
        }
    }
}
