import SQLiteKit

extension SandboxLimits {
    /// Caps SQLite's heap for the whole process at ``memoryBytes`` (`sqlite3_hard_heap_limit64`).
    ///
    /// Process-wide, so only a process that runs one learner query at a time should call it, and
    /// after loading its dataset: building an image uses SQLite's heap, while an image held in
    /// memory was allocated by Swift and does not count against the limit.
    public func applyHeapLimitToProcess() {
        SQLiteLibrary.setHardHeapLimit(memoryBytes)
    }
}
