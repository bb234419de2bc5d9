import Foundation
import SQLiteKit

/// A last-resort timer for one query. At its deadline it interrupts the connection once more and,
/// if the query still has not returned shortly after, calls `onExpiry` from its own thread.
///
/// It exists for what no in-process guard stops: one long `printf('%.*c', …)` or two-argument
/// `trim` call (the progress handler runs between VM steps, never inside a function call, and
/// `sqlite3_interrupt` waits for the call to return) and prepare-time blow-ups such as deeply
/// nested self-joining CTEs (there is no VM yet, so no progress handler). `onExpiry` must end the work
/// from outside: the CLI prints the timeout verdict and exits the process; a grader kills the
/// worker process.
final class Watchdog: @unchecked Sendable {
    // @unchecked: `finished` is guarded by `condition`; the rest is immutable.
    private let condition = NSCondition()
    private var finished = false

    /// Starts the timer: at `deadline` it interrupts the query; `interruptGrace` later, if the
    /// query has still not returned, it calls `onExpiry`.
    init(deadline: ContinuousClock.Instant, interruptGrace: Duration, interrupt: InterruptHandle, onExpiry: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            if waitForFinish(until: deadline) { return }
            interrupt.interrupt()
            if waitForFinish(until: ContinuousClock.now + interruptGrace) { return }
            onExpiry()
        }
        thread.stackSize = 256 << 10
        thread.start()
    }

    /// The query returned: the watchdog does nothing more.
    func cancel() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until `cancel()` or `deadline`; true when cancelled.
    private func waitForFinish(until deadline: ContinuousClock.Instant) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return false }
            // NSCondition counts in Dates; the deadline itself stays on the monotonic clock.
            _ = condition.wait(until: Date(timeIntervalSinceNow: remaining.timeInterval))
        }
        return true
    }
}
