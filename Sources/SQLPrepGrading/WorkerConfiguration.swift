import Foundation
import SQLPrepSandbox

/// Everything a grading worker process needs besides the jobs: which course, which hidden
/// datasets, under which limits, with or without explanations, and where the built datasets are.
///
/// The parent encodes it as one JSON argument of the worker command (``encoded()``) and the worker
/// decodes it (``init(json:)``), so the two sides cannot disagree on a flag. What in it decides an
/// outcome (everything but the cache folder) is also the setup under which ``GradingMemory``
/// keeps outcomes (``outcomeSetup``).
public struct WorkerConfiguration: Sendable, Hashable, Codable {
    /// The sandbox limits each learner query runs under, in a form that can be encoded.
    public struct Limits: Sendable, Hashable, Codable {
        public var timeMilliseconds: Int
        public var memoryBytes: Int64
        public var maxRows: Int
        public var maxSteps: Int?

        public init(_ limits: SandboxLimits) {
            timeMilliseconds = limits.timeMilliseconds
            memoryBytes = limits.memoryBytes
            maxRows = limits.maxRows
            maxSteps = limits.maxSteps
        }

        public var sandboxLimits: SandboxLimits {
            SandboxLimits(timeMilliseconds: timeMilliseconds, memoryBytes: memoryBytes, maxRows: maxRows, maxSteps: maxSteps)
        }
    }

    /// A course folder, or nil for the built-in course.
    public var coursePath: String?
    public var hiddenVariants: Int
    public var variantScale: VariantScale
    public var variantKey: VariantKey
    public var limits: Limits
    /// Candidate databases per counterexample search for a wrong answer; 0: no search.
    public var explainBudget: Int
    /// Where the parent built the datasets (``SQLPrepData/ImageCache``), or nil to build them in the worker.
    public var cacheDirectory: String?

    public init(
        coursePath: String?, hiddenVariants: Int, variantScale: VariantScale = .default, variantKey: VariantKey, limits: SandboxLimits,
        explainBudget: Int, cacheDirectory: String?
    ) {
        self.variantScale = variantScale
        self.coursePath = coursePath
        self.hiddenVariants = hiddenVariants
        self.variantKey = variantKey
        self.limits = Limits(limits)
        self.explainBudget = explainBudget
        self.cacheDirectory = cacheDirectory
    }

    /// The configuration as one line of JSON (keys sorted, so equal configurations read the same).
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// Reads what ``encoded()`` wrote.
    public init(json: String) throws {
        self = try JSONDecoder().decode(WorkerConfiguration.self, from: Data(json.utf8))
    }

    /// Everything here that decides an outcome: all of it but the cache folder, which only says
    /// where the same datasets are kept.
    public var outcomeSetup: String {
        var setup = self
        setup.cacheDirectory = nil
        return setup.encoded()
    }
}
