@testable import SQLPrepSandbox
import Testing

@Suite("Sandbox: one time policy, in Durations")
struct SandboxLimitsTests {
    @Test(
        "The CLI's milliseconds and the printed limit are what they always were",
        arguments: [(20_000, "20 s"), (500, "0.5 s"), (1_500, "1.5 s"), (100, "0.1 s"), (3_600_000, "3600 s")])
    func milliseconds(milliseconds: Int, printed: String) {
        let limits = SandboxLimits(timeMilliseconds: milliseconds)
        #expect(limits.timeLimit == .milliseconds(milliseconds))
        #expect(limits.timeMilliseconds == milliseconds)
        #expect(Sandbox.formatSeconds(limits.timeLimit) == printed)
    }

    @Test("No query outlives its time limit plus the watchdog's two graces")
    func longestRun() {
        var limits = SandboxLimits()
        #expect(limits.timeLimit == .seconds(20))
        #expect(limits.longestRun == .milliseconds(20_950))
        limits.timeMilliseconds = 2_000
        #expect(limits.longestRun == .milliseconds(2_950))
    }
}
