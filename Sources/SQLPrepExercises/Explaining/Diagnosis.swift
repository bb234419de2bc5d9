/// A recognised mistake, in plain words, with a stable code for tools and for hints attached to it.
public struct Diagnosis: Sendable, Hashable {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case integerDivision = "integer_division"
        case percentVsFraction = "percent_vs_fraction"
        case duplicatedRows = "duplicated_rows"
        case missingZeroGroups = "missing_zero_groups"
        case constantFactor = "constant_factor"
        case shiftedWindow = "shifted_window"
        case rounding
        case wrongOrder = "wrong_order"
        case nullsInsteadOfZero = "nulls_instead_of_zero"
        case zerosInsteadOfNull = "zeros_instead_of_null"
        case nullsInsteadOfValues = "nulls_instead_of_values"
        case nondeterministic
        case dialect
        case nullLabel = "null_label"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
