import Foundation
import SQLiteKit

/// Built dataset images cached on disk, so that a cold `sqlprep` starts in milliseconds — shared by
/// every build of sqlprep that would generate the same bytes (`swift run`, a release binary,
/// `swift test`).
///
/// **Key.** The file name carries what the bytes depend on, and nothing else: ``dataKey`` (the
/// generator version, a digest of the schema's DDL, the SQLite version) plus the seed, the scale and
/// the edge cases. Not the executable: two builds of the same generator write the same bytes, so
/// they share one image. A generator changed without a bump of ``ShopGenerator/version`` is caught
/// by the pinned fingerprint test in `GeneratorTests`, not here.
///
/// **Check.** Next to each image, `NAME.db.sum` holds its size and a digest of all its bytes; an
/// image is used only when its SQLite header is sane and both match, so a damaged file is rebuilt
/// (``Lookup/damaged(_:)`` says why), never read as a dataset.
///
/// **Writing.** Atomic (temporary file in the same folder, then rename): a reader sees the old file
/// or the new one, whole. The sum is written before the image and removed after it, and a key gives
/// the same bytes in every process, so any sum present for a key is the right one.
///
/// **Pruning.** Least recently used first: loading an image sets its modification time to now, and
/// after each store the images beyond ``sizeLimit`` (all of them together, the one just stored
/// always kept) are removed, oldest use first. Removing never disturbs a process reading an
/// image: readers map the file (``DatabaseImage/map(path:)``), and an unlinked file's pages stay
/// valid until its last mapping goes away; a process that looks it up afterwards builds it again.
public struct ImageCache: Sendable {
    public let directory: String
    /// Most bytes all cached images may take together before the least recently used are removed.
    public let sizeLimit: Int

    /// 1 GiB: the default-scale image is about 57 MB, a tiny one about 3 MB.
    public static let defaultSizeLimit = 1 << 30

    public init(directory: String, sizeLimit: Int = ImageCache.defaultSizeLimit) {
        self.directory = directory
        self.sizeLimit = max(0, sizeLimit)
    }

    /// `$SQLPREP_CACHE_DIR`, else `$XDG_CACHE_HOME/sqlprep`, else `~/.cache/sqlprep`;
    /// nil when `SQLPREP_CACHE_DIR` is set to an empty string (caching off). The size limit is
    /// `$SQLPREP_CACHE_MAX_MB` megabytes (MiB) when that is a whole number, else ``defaultSizeLimit``.
    public static var standard: ImageCache? {
        let environment = ProcessInfo.processInfo.environment
        let limit = environment["SQLPREP_CACHE_MAX_MB"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            .map { $0 << 20 } ?? defaultSizeLimit
        if let explicit = environment["SQLPREP_CACHE_DIR"] {
            return explicit.isEmpty ? nil : ImageCache(directory: explicit, sizeLimit: limit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return ImageCache(directory: xdg + "/sqlprep", sizeLimit: limit)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return ImageCache(directory: home + "/.cache/sqlprep", sizeLimit: limit)
    }

    static let schemaHash: String = {
        var hash = FNV1a64()
        for table in ShopSchema.tables {
            hash.add(table.createStatement)
            for index in table.indexStatements { hash.add(index) }
        }
        return String(hash.hex.prefix(8))
    }()

    /// What the bytes of an image depend on besides its spec: the generator's version, the schema's
    /// DDL and the SQLite library that writes the file.
    public static let dataKey: String = {
        var hash = FNV1a64()
        hash.add(String(ShopGenerator.version))
        hash.add(schemaHash)
        hash.add(SQLiteLibrary.version)
        return String(hash.hex.prefix(12))
    }()

    /// Identifies the build of the running program (``dataKey`` plus the size and modification time
    /// of the executable). Not used for images (see ``dataKey``); the grading memory keys outcomes on
    /// it, since any change to the checker may change a grade.
    public static let buildIdentity: String = {
        var hash = FNV1a64()
        hash.add(dataKey)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: "/proc/self/exe".resolvingSymlinks),
           let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date {
            hash.add(size.uint64Value)
            hash.add(UInt64(bitPattern: Int64(date.timeIntervalSince1970 * 1000)))
        }
        return String(hash.hex.prefix(12))
    }()

    public func path(for spec: DatasetSpec) -> String {
        "\(directory)/shop-\(ImageCache.dataKey)-seed\(spec.seed)-scale\(spec.scale)\(spec.edgeCases ? "-edge" : "").db"
    }

    /// The image's check file: its size and digest.
    func sumPath(for spec: DatasetSpec) -> String { path(for: spec) + ".sum" }

    /// What the cache holds for a spec.
    public enum Lookup {
        /// A checked image, its use recorded.
        case hit(DatabaseImage)
        /// Nothing usable yet (no file, or one without its check file).
        case missing
        /// A file that failed its check, with what was wrong in words; it must be built again.
        case damaged(String)
    }

    /// Whether a file for `spec` is there (valid or not: ``lookup(_:)`` checks).
    public func contains(_ spec: DatasetSpec) -> Bool {
        FileManager.default.fileExists(atPath: path(for: spec))
    }

    /// The image for `spec` when it is there and passes its check (its use then recorded for pruning).
    public func lookup(_ spec: DatasetSpec) -> Lookup {
        // The sum first: it is written before the image and removed after it.
        guard let sum = try? String(contentsOfFile: sumPath(for: spec), encoding: .utf8),
              let image = DatabaseImage.map(path: path(for: spec))
        else { return .missing }
        guard ImageCache.looksValid(image) else { return .damaged("its SQLite header does not match its size") }
        guard sum == ImageCache.sumText(image) else { return .damaged("its contents do not match their checksum") }
        markUsed(path(for: spec))
        return .hit(image)
    }

    /// The checked image for `spec`, or nil (see ``lookup(_:)``).
    public func load(_ spec: DatasetSpec) -> DatabaseImage? {
        if case .hit(let image) = lookup(spec) { return image }
        return nil
    }

    public func store(_ image: DatabaseImage, for spec: DatasetSpec) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let sumPath = sumPath(for: spec)
        let temporary = sumPath + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(ImageCache.sumText(image).utf8)),
              rename(temporary, sumPath) == 0
        else {
            unlink(temporary)
            return
        }
        if image.write(atomicallyTo: path(for: spec)) { prune(keeping: path(for: spec)) }
    }

    /// Removes the least recently used images until the rest fit in ``sizeLimit``; `kept` stays
    /// whatever its size. Also clears, once they are an hour old (so that no write in progress is
    /// touched: a `large` image takes a minute to write), temporary files of a process killed
    /// mid-write, check files without an image, and images without a check file (written by an
    /// earlier sqlprep under another key: nothing reads them again).
    func prune(keeping kept: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
        struct Entry { let path: String; let size: Int; let used: Date }
        var images: [Entry] = []
        let now = Date()
        for name in names where name.hasPrefix("shop-") {
            let path = directory + "/" + name
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let used = attributes[.modificationDate] as? Date ?? .distantPast
            let abandoned = now.timeIntervalSince(used) > 3600
            if name.hasSuffix(".db") {
                if abandoned && !manager.fileExists(atPath: path + ".sum") && path != kept {
                    unlink(path)
                } else {
                    images.append(Entry(path: path, size: (attributes[.size] as? NSNumber)?.intValue ?? 0, used: used))
                }
            } else if name.hasSuffix(".db.sum") {
                if abandoned && !manager.fileExists(atPath: String(path.dropLast(4))) { unlink(path) }
            } else if name.contains(".tmp-") && abandoned {
                unlink(path)
            }
        }
        var total = images.first(where: { $0.path == kept })?.size ?? 0
        for entry in images.sorted(by: { ($0.used, $0.path) > ($1.used, $1.path) }) where entry.path != kept {
            total += entry.size
            if total > sizeLimit {
                unlink(entry.path)
                unlink(entry.path + ".sum")
                total -= entry.size
            }
        }
    }

    /// Sets the file's modification time to now: the "last used" that pruning reads (access times
    /// are unreliable, as most file systems are mounted `relatime` or `noatime`).
    private func markUsed(_ path: String) {
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
    }

    /// The check file's text: the image's size and the digest of all its bytes.
    static func sumText(_ image: DatabaseImage) -> String {
        "bytes \(image.count)\ndigest \(String(imageDigest(image.buffer), radix: 16))\n"
    }

    /// The SQLite header's magic string, and a page size × page count that matches the file size.
    /// See <https://www.sqlite.org/fileformat2.html#the_database_header>.
    static func looksValid(_ image: DatabaseImage) -> Bool {
        guard image.count >= 100 else { return false }
        let header = image.buffer
        guard Array(header[0..<16]) == Array("SQLite format 3\0".utf8) else { return false }
        var pageSize = Int(header[16]) << 8 | Int(header[17])
        if pageSize == 1 { pageSize = 65_536 }
        let pageCount = Int(header[28]) << 24 | Int(header[29]) << 16 | Int(header[30]) << 8 | Int(header[31])
        return pageSize >= 512 && pageCount > 0 && pageSize * pageCount == image.count
    }
}

/// A digest of every byte of an image: four interleaved FNV-style lanes over 64-bit words, then
/// the tail bytes. It guards against damage (a truncated, overwritten or half-copied file), not
/// forgery, so it need not be cryptographic.
///
/// `@_optimize(speed)`: the check runs on every load, and in a debug build (`swift run`, the tests)
/// the unoptimized loop takes seconds over the 57 MB default image; optimized it takes tens of
/// milliseconds. The four lanes break the chain of dependent multiplications.
@_optimize(speed)
func imageDigest(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
    let prime: UInt64 = 0x0000_0100_0000_01B3
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x9e37_79b9_7f4a_7c15, 0xbf58_476d_1ce4_e5b9)
    guard let base = buffer.baseAddress else { return lanes.0 }
    let words = buffer.count / 8
    var index = 0
    while index + 4 <= words {
        lanes.0 = (lanes.0 ^ base.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* prime
        lanes.1 = (lanes.1 ^ base.loadUnaligned(fromByteOffset: index * 8 + 8, as: UInt64.self)) &* prime
        lanes.2 = (lanes.2 ^ base.loadUnaligned(fromByteOffset: index * 8 + 16, as: UInt64.self)) &* prime
        lanes.3 = (lanes.3 ^ base.loadUnaligned(fromByteOffset: index * 8 + 24, as: UInt64.self)) &* prime
        lanes.0 ^= lanes.0 >> 29
        lanes.1 ^= lanes.1 >> 29
        lanes.2 ^= lanes.2 >> 29
        lanes.3 ^= lanes.3 >> 29
        index += 4
    }
    var hash = lanes.0 ^ (lanes.1 &* 3) ^ (lanes.2 &* 5) ^ (lanes.3 &* 7)
    for offset in (index * 8)..<buffer.count {
        hash = (hash ^ UInt64(buffer[offset])) &* prime
    }
    return (hash ^ UInt64(buffer.count)) &* prime
}
