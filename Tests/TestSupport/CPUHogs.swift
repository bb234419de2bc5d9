import Foundation

/// Threads that keep the CPU busy until stopped: for tests that check an outcome does not depend on
/// how busy the machine is.
public final class CPUHogs: @unchecked Sendable {
    // @unchecked: `running` is only read racily as a stop flag, guarded by the lock.
    private let lock = NSLock()
    private var running = true

    /// Starts `count` threads, each spinning on arithmetic.
    public init(count: Int) {
        for _ in 0..<count {
            Thread {
                var x: UInt64 = 1
                while self.lock.withLock({ self.running }) {
                    for _ in 0..<100_000 { x = x &* 6364136223846793005 &+ 1 }
                }
                if x == 42 { print("") }
            }.start()
        }
    }

    public func stop() { lock.withLock { running = false } }
}
