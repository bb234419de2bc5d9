import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLPrepText

// bytes → sandbox → comparison with a reference → verdict text: the whole submission pipeline.
enum Fixture {
    static let image = try! ShopDataset.build(DatasetSpec(scale: Scale(permille: 5)))
    static let course = try! Course.builtIn()
    static let exercise = course.exercise(id: "orders-by-status")!
    static let sandbox: Sandbox = {
        var limits = SandboxLimits()
        limits.timeMilliseconds = 100
        limits.memoryBytes = 64 << 20
        return Sandbox(image: image, limits: limits)
    }()
    static let reference = try! Checker(sandbox: sandbox, dataset: exercise.dataset).reference(for: exercise)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // One long printf/trim call cannot be interrupted inside a process (the progress handler never
    // runs inside a function call); the CLI's watchdog ends such queries from outside, which the
    // end-to-end tests cover. Skip them here.
    let text = String(decoding: bytes, as: UTF8.self).lowercased()
    if text.contains("trim") || text.contains("printf") || text.contains("format") || text.contains("replace") { return 0 }
    let checker = Checker(sandbox: Fixture.sandbox, dataset: Fixture.exercise.dataset)
    if let verdict = try? checker.check(bytes, against: Fixture.exercise, reference: Fixture.reference) {
        _ = VerdictText.render(verdict, exercise: Fixture.exercise, style: TextStyle(color: false))
        _ = VerdictText.json(verdict)
    }
    _ = SQLTextNotes.notes(for: String(decoding: bytes, as: UTF8.self))
    return 0
}

// SwiftPM links an executable's entry point as `FuzzSubmission_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzSubmission_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
