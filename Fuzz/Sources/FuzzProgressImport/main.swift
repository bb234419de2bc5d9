import Foundation
import SQLPrepWorkspace

// bytes → a progress export file → import into a fresh store (must refuse or merge, never crash).
enum Fixture {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "sqlprep-fuzz-import-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        // libFuzzer ends with exit(), so the scratch folder goes with the process.
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "sqlprep-fuzz-import-\(getpid())") }
        return path
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = Fixture.folder + "/input.json"
    FileManager.default.createFile(atPath: input, contents: Data(bytes: data, count: size))
    try? FileManager.default.removeItem(atPath: Fixture.folder + "/p.db")
    guard let store = try? ProgressStore(path: Fixture.folder + "/p.db", create: true) else { return 0 }
    _ = try? store.importProgress(from: input)
    _ = try? store.progress()
    return 0
}

// SwiftPM links an executable's entry point as `FuzzProgressImport_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzProgressImport_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
