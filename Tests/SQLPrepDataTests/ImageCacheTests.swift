import Foundation
import SQLPrepData
import SQLiteKit
import Testing

@Suite("Dataset image cache")
struct ImageCacheTests {
    /// A fresh folder, removed when `body` returns.
    private func withFolder(_ body: (String) throws -> Void) throws {
        let path = NSTemporaryDirectory() + "sqlprep-image-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    /// A small valid SQLite image (a few pages), cheap to make: pruning cares about files, not data.
    private func smallImage(rows: Int) throws -> DatabaseImage {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows)) INSERT INTO t SELECT printf('%0100d', i) FROM n")
        return try db.serialize()
    }

    private func setLastUse(_ path: String, secondsAgo: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)], ofItemAtPath: path)
    }

    @Test("The key is what the bytes depend on: same spec, same file name, whichever build asks")
    func keyIgnoresTheExecutable() {
        let a = ImageCache(directory: "/c"), b = ImageCache(directory: "/c", sizeLimit: 1)
        let spec = DatasetSpec(seed: 7, scale: .tiny)
        #expect(a.path(for: spec) == b.path(for: spec))
        #expect(a.path(for: spec).contains(ImageCache.dataKey))
        #expect(!a.path(for: spec).contains(ImageCache.buildIdentity))
        #expect(a.path(for: spec) != a.path(for: DatasetSpec(seed: 8, scale: .tiny)))
        #expect(a.path(for: spec) != a.path(for: DatasetSpec(seed: 7, scale: .tiny, edgeCases: true)))
    }

    @Test("A stored image is found again, byte for byte")
    func roundTrip() throws {
        try withFolder { folder in
            let cache = ImageCache(directory: folder)
            let image = try smallImage(rows: 10)
            let spec = DatasetSpec(seed: 1, scale: .tiny)
            guard case .missing = cache.lookup(spec) else { Issue.record("an empty cache has a hit"); return }
            cache.store(image, for: spec)
            let loaded = try #require(cache.load(spec))
            #expect(Array(loaded.buffer) == Array(image.buffer))
        }
    }

    @Test("Pruning keeps the most recently used images under the cap and drops the least recently used")
    func leastRecentlyUsedPruning() throws {
        try withFolder { folder in
            let image = try smallImage(rows: 200)
            // Room for two images, not three.
            let cache = ImageCache(directory: folder, sizeLimit: image.count * 2 + image.count / 2)
            let old = DatasetSpec(seed: 1, scale: .tiny), used = DatasetSpec(seed: 2, scale: .tiny), new = DatasetSpec(seed: 3, scale: .tiny)
            cache.store(image, for: old)
            cache.store(image, for: used)
            try setLastUse(cache.path(for: old), secondsAgo: 300)
            try setLastUse(cache.path(for: used), secondsAgo: 600)  // stored first of the two…
            #expect(cache.load(used) != nil)  // …but used since: loading marks it as recently used
            cache.store(image, for: new)
            #expect(cache.contains(new))
            #expect(cache.contains(used))
            #expect(!cache.contains(old))
            #expect(!FileManager.default.fileExists(atPath: cache.path(for: old) + ".sum"))
            let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".db") }
            #expect(left.count == 2)
        }
    }

    @Test("The image just stored is kept even when it alone is over the cap")
    func justStoredIsKept() throws {
        try withFolder { folder in
            let cache = ImageCache(directory: folder, sizeLimit: 1)
            let spec = DatasetSpec(seed: 1, scale: .tiny), other = DatasetSpec(seed: 2, scale: .tiny)
            cache.store(try smallImage(rows: 10), for: other)
            cache.store(try smallImage(rows: 10), for: spec)
            #expect(cache.load(spec) != nil)
            #expect(!cache.contains(other))
        }
    }

    /// How a cached file gets damaged: a byte changed in the middle (the header stays sane), or the
    /// file cut short.
    enum Damage: String, CaseIterable { case flippedByte, truncated }

    @Test("A damaged cached image is detected, reported and rebuilt, never used as the dataset", arguments: Damage.allCases)
    func damagedImageIsRebuilt(damage: Damage) throws {
        try withFolder { folder in
            let cache = ImageCache(directory: folder)
            let spec = DatasetSpec(scale: .tiny)
            let built = try Datasets.tiny.get()  // shared with the generator tests: built once
            cache.store(built, for: spec)
            let path = cache.path(for: spec)
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            switch damage {
            case .flippedByte: bytes[bytes.count / 2] ^= 0x5A
            case .truncated: bytes.removeLast(4096)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))

            guard case .damaged(let problem) = cache.lookup(spec) else { Issue.record("the damage was not detected"); return }
            #expect(!problem.isEmpty)
            var notices: [BuildNotice] = []
            let image = try ShopDataset.image(for: spec, cache: cache, notice: { notices.append($0) })
            #expect(Array(image.buffer) == Array(built.buffer))
            #expect(notices.count == 1)
            #expect(notices.first?.damage?.path == path)
            #expect(notices.first?.message.contains("damaged") == true)
            #expect(cache.load(spec) != nil)  // stored again, whole
        }
    }

    @Test("Images of an earlier sqlprep (no check file) and abandoned temporary files go once an hour old; recent ones stay")
    func leftovers() throws {
        try withFolder { folder in
            let cache = ImageCache(directory: folder)
            let image = try smallImage(rows: 10)
            let old = folder + "/shop-0123456789ab-seed1-scaletiny.db", recent = folder + "/shop-0123456789ab-seed2-scaletiny.db"
            let oldTemporary = folder + "/shop-x.db.tmp-1", recentTemporary = folder + "/shop-y.db.tmp-2"
            for path in [old, recent, oldTemporary, recentTemporary] { #expect(image.write(atomicallyTo: path)) }
            try setLastUse(old, secondsAgo: 7200)
            try setLastUse(oldTemporary, secondsAgo: 7200)
            cache.store(image, for: DatasetSpec(seed: 3, scale: .tiny))
            let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
            #expect(!left.contains("shop-0123456789ab-seed1-scaletiny.db"))
            #expect(!left.contains("shop-x.db.tmp-1"))
            #expect(left.contains("shop-0123456789ab-seed2-scaletiny.db"))
            #expect(left.contains("shop-y.db.tmp-2"))
        }
    }

    @Test("An image whose check file is missing is rebuilt quietly, as not cached")
    func missingCheckFile() throws {
        try withFolder { folder in
            let cache = ImageCache(directory: folder)
            let spec = DatasetSpec(seed: 1, scale: .tiny)
            cache.store(try smallImage(rows: 10), for: spec)
            try FileManager.default.removeItem(atPath: cache.path(for: spec) + ".sum")
            guard case .missing = cache.lookup(spec) else { Issue.record("an unchecked image was used"); return }
        }
    }
}
