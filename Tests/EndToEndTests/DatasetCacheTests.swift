import Foundation
import TestSupport
import Testing

@Suite("Dataset cache shared by builds")
struct DatasetCacheTests {
    @Test("Two different sqlprep binaries (another path, size or build time) reuse one cached image")
    func twoBinariesShareOneImage() throws {
        let folder = try Scratch.folder()
        let cache = folder + "/cache"
        // A copy is another executable as far as the old cache key went: new path, new mtime.
        let copy = folder + "/sqlprep-copy"
        try FileManager.default.copyItem(atPath: CLI.binary.path, toPath: copy)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -86_400)], ofItemAtPath: copy)

        let arguments = ["dataset", "info", "--scale", "tiny", "--seed", "97531"]
        let first = try CLI.run(arguments, environment: ["SQLPREP_CACHE_DIR": cache])
        #expect(first.status == 0)
        #expect(first.stderr.contains("Preparing the tiny dataset"))

        let second = try CLI.run(arguments, environment: ["SQLPREP_CACHE_DIR": cache], executable: copy)
        #expect(second.status == 0)
        #expect(!second.stderr.contains("Preparing"), "the second binary built the dataset again: \(second.stderr)")
        #expect(second.stdout == first.stdout)

        let images = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".db") }
        #expect(images.count == 1, "\(images)")
    }

    @Test("A damaged cached image is reported on stderr and rebuilt; the command's output is the true dataset's")
    func damagedImageIsRebuilt() throws {
        let cache = try Scratch.folder()
        let arguments = ["dataset", "info", "--scale", "tiny", "--seed", "97532"]
        let first = try CLI.run(arguments, environment: ["SQLPREP_CACHE_DIR": cache])
        let image = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".db") })
        let path = cache + "/" + image
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let second = try CLI.run(arguments, environment: ["SQLPREP_CACHE_DIR": cache])
        #expect(second.status == 0)
        #expect(second.stderr.contains("is damaged"), "\(second.stderr)")
        #expect(second.stdout == first.stdout)
        let third = try CLI.run(arguments, environment: ["SQLPREP_CACHE_DIR": cache])
        #expect(third.stderr.isEmpty, "\(third.stderr)")
    }
}
