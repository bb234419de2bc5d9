/// Why a search showed no example.
public enum CounterexampleOutcome: Sendable {
    case found(Counterexample)
    /// The results do not differ in a way an example can show (a passing answer, a wrong shape).
    case notApplicable
    /// No candidate within the work budget differed in the same way.
    case notFound(runs: Int)
    /// The wall-clock safety net stopped the search: the machine is far slower or busier than the
    /// work budget assumes. Nothing is shown, so no output depends on the machine's speed.
    case stoppedBySafetyNet(seconds: Double)

    public var example: Counterexample? {
        if case .found(let example) = self { return example }
        return nil
    }
}
