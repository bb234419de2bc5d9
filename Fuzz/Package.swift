// swift-tools-version:6.1
// Coverage-guided fuzz targets for sqlprep's untrusted-input paths (libFuzzer + AddressSanitizer).
// Build and run with Fuzz/run.sh; see SECURITY.md. Kept out of the main package so that
// `swift build` and `swift test` never need the sanitizer runtime.
import PackageDescription

let fuzz: [SwiftSetting] = [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "sqlprep-fuzz",
    dependencies: [.package(name: "sqlprep", path: "..")],
    targets: [
        .executableTarget(name: "FuzzSubmission", dependencies: [.product(name: "SQLPrepKit", package: "sqlprep")], swiftSettings: fuzz),
        .executableTarget(name: "FuzzCourse", dependencies: [.product(name: "SQLPrepKit", package: "sqlprep")], swiftSettings: fuzz),
        .executableTarget(name: "FuzzGradingInputs", dependencies: [.product(name: "SQLPrepKit", package: "sqlprep")], swiftSettings: fuzz),
        .executableTarget(name: "FuzzProgressImport", dependencies: [.product(name: "SQLPrepKit", package: "sqlprep")], swiftSettings: fuzz),
    ]
)
