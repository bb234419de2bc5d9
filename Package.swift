// swift-tools-version:6.1
import PackageDescription

/// One list of Swift settings for every target: Swift 6 mode with strict concurrency, `any` spelled out, and
/// a module's members visible only in files that import it (`MemberImportVisibility`), so each file's imports
/// say what it uses. Not (yet) `InternalImportsByDefault`: it asks every file whose public API shows an
/// imported type to say `public import`, 94 errors in 24 files of six modules when last tried.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The libraries whose loops run per row or per candidate database (generation, comparison, the
/// counterexample search) are optimised in debug builds too: `swift run` and `swift test` are how
/// learners and CI meet sqlprep, and unoptimised Swift is 5–10× slower there. (-O keeps
/// `@testable import` working: testing is enabled separately.)
let hotSwiftSettings: [SwiftSetting] = swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "sqlprep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sqlprep", targets: ["sqlprep"]),
        .executable(name: "sqlprep-bench", targets: ["sqlprep-bench"]),
        // The libraries, for the fuzz targets in Fuzz/ (and anyone embedding sqlprep).
        .library(
            name: "SQLPrepKit",
            targets: ["SQLPrepText", "SQLiteKit", "SQLPrepSandbox", "SQLPrepData", "SQLPrepExercises", "SQLPrepWorkspace", "SQLPrepGrading"]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Tests only: parses the Kubernetes and GitHub Actions examples (examples/) to check their structure.
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
    ],
    targets: [
        // The system libsqlite3 (Debian: libsqlite3-dev). Only SQLiteKit imports it.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // Layer 1: a thin, documented wrapper over the SQLite C API.
        .target(name: "SQLiteKit", dependencies: ["CSQLite"], swiftSettings: swiftSettings),
        // Child processes that are reaped reliably (see ChildProcess.swift for why not Foundation's Process).
        .target(name: "CSpawn"),
        .target(name: "SQLPrepProcess", dependencies: ["CSpawn"], swiftSettings: swiftSettings),
        // Text output every layer shares: ANSI styling, plural/indent wording and wrapping, the CSV writer
        // and reader, JSON string escaping, how advice spells the command. Pure Swift, no dependencies, so
        // the lowest layers can use it.
        .target(name: "SQLPrepText", swiftSettings: swiftSettings),
        // Layer 2: running untrusted SQL under limits.
        .target(name: "SQLPrepSandbox", dependencies: ["SQLiteKit", "SQLPrepText"], swiftSettings: swiftSettings),
        // Layer 3: the deterministic "shop" dataset.
        .target(name: "SQLPrepData", dependencies: ["SQLiteKit", "SQLPrepText"], swiftSettings: hotSwiftSettings),
        // Layer 4: exercises, result comparison, verdicts.
        .target(
            name: "SQLPrepExercises",
            dependencies: ["SQLiteKit", "SQLPrepSandbox", "SQLPrepData", "SQLPrepText"],
            swiftSettings: hotSwiftSettings,
            plugins: ["EmbedCoursePlugin"]
        ),
        // Layer 5: the learner's workspace and progress store.
        .target(
            name: "SQLPrepWorkspace",
            dependencies: ["SQLiteKit", "SQLPrepSandbox", "SQLPrepData", "SQLPrepExercises", "SQLPrepText"],
            swiftSettings: swiftSettings
        ),
        // Layer 6: grading a class.
        .target(
            name: "SQLPrepGrading",
            dependencies: ["SQLiteKit", "SQLPrepData", "SQLPrepSandbox", "SQLPrepExercises", "SQLPrepProcess", "SQLPrepText"],
            swiftSettings: swiftSettings
        ),
        // Build tool: compiles Exercises/ into SQLPrepExercises, so the catalog ships inside the binary.
        .executableTarget(name: "EmbedCourse", swiftSettings: swiftSettings),
        .plugin(name: "EmbedCoursePlugin", capability: .buildTool(), dependencies: ["EmbedCourse"]),
        // The command-line tool: parses arguments and prints, nothing more.
        .executableTarget(
            name: "sqlprep",
            dependencies: [
                "SQLiteKit", "SQLPrepSandbox", "SQLPrepData", "SQLPrepExercises", "SQLPrepWorkspace", "SQLPrepGrading",
                "SQLPrepProcess", "SQLPrepText", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmarks (release mode; see BENCHMARKS.md): sqlprep side by side with plain baselines.
        .target(name: "CBenchLoop", dependencies: ["CSQLite"], path: "Benchmarks/CBenchLoop"),
        .executableTarget(
            name: "sqlprep-bench",
            dependencies: ["SQLiteKit", "SQLPrepData", "SQLPrepSandbox", "SQLPrepExercises", "SQLPrepGrading", "SQLPrepProcess", "CBenchLoop"],
            path: "Benchmarks/sqlprep-bench",
            swiftSettings: swiftSettings
        ),
        // What the test targets share (the checkout's root, scratch folders, CPU load), instead of copies.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "SQLPrepTextTests", dependencies: ["SQLPrepText"], swiftSettings: swiftSettings),
        .testTarget(name: "SQLiteKitTests", dependencies: ["SQLiteKit"], swiftSettings: swiftSettings),
        .testTarget(name: "SQLPrepProcessTests", dependencies: ["SQLPrepProcess"], swiftSettings: swiftSettings),
        .testTarget(name: "SQLPrepDataTests", dependencies: ["SQLPrepData", "SQLPrepText", "SQLiteKit"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SQLPrepSandboxTests",
            dependencies: ["SQLPrepSandbox", "SQLPrepData", "SQLiteKit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SQLPrepExercisesTests",
            dependencies: ["SQLPrepExercises", "SQLPrepSandbox", "SQLPrepData", "SQLPrepText", "SQLiteKit", "TestSupport"],
            exclude: ["Rewrites"],  // test data, read from the source tree
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SQLPrepWorkspaceTests",
            dependencies: ["SQLPrepWorkspace", "SQLPrepExercises", "SQLiteKit", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SQLPrepGradingTests",
            dependencies: ["SQLPrepGrading", "SQLPrepExercises", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["sqlprep", "SQLPrepProcess", "TestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Adversarial"],  // the hostile-submission corpus: test data, read from the source tree
            swiftSettings: swiftSettings
        ),
        // Parse-level tests of the command line (`@testable import sqlprep`): no process, no dataset.
        .testTarget(
            name: "SQLPrepCLITests",
            dependencies: ["sqlprep", "SQLPrepText", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
    ]
)
