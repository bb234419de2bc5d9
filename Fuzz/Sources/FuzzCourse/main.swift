import SQLPrepExercises
import SQLPrepText

// bytes → a course's files → the loader's problems or a course. The input is split on NUL bytes
// into: manifest, exercise.txt, hints.md, one wrong query, and extra file paths.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    func part(_ index: Int) -> String { index < parts.count ? parts[index] : "" }
    var files: [String: String] = [
        "course.txt": part(0),
        "01-a/x/exercise.txt": part(1),
        "01-a/x/prompt.md": "p",
        "01-a/x/solution.sql": "SELECT 1",
        "01-a/x/hints.md": part(2),
        "01-a/x/explanation.md": "e",
        "01-a/x/wrong/w.sql": part(3),
    ]
    for extra in parts.dropFirst(4).prefix(8) { files[extra] = "x" }
    switch CourseLoader.load(files: files, origin: "fuzz") {
    case .success(let course): _ = course.exercises.map { ExerciseText.render($0, style: TextStyle(color: false)) }
    case .failure(let problems): _ = problems.description
    }
    return 0
}

// SwiftPM links an executable's entry point as `FuzzCourse_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzCourse_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
