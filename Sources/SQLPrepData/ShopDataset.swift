import Foundation
import SQLiteKit

/// Builds the shop dataset into SQLite and hands it out as a read-only ``DatabaseImage``.
///
/// ```swift
/// let image = try ShopDataset.image(for: DatasetSpec(seed: 7, scale: .tiny))
/// ```
public enum ShopDataset {
    /// Generates and loads the dataset into a new in-memory connection, with indexes and
    /// `ANALYZE` statistics. The caller owns the connection.
    public static func load(_ spec: DatasetSpec) throws -> Connection {
        let db = try loadRows(spec)
        try finish(db)
        return db
    }

    /// Phase 1: the tables, generated and inserted in one transaction (no indexes yet).
    public static func loadRows(_ spec: DatasetSpec) throws -> Connection {
        let db = try Connection.inMemory()
        try db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF")
        for table in ShopSchema.tables { try db.execute(table.createStatement) }
        try db.execute("BEGIN")
        var sink = try SQLiteShopSink(connection: db)
        defer { sink.close() }
        try ShopGenerator(spec: spec).generate(into: &sink)
        if spec.edgeCases { try EdgeCases.apply(to: db) }
        try db.execute("COMMIT")
        return db
    }

    /// Phase 2: indexes (after loading: building them on a full table is ~2× cheaper than
    /// maintaining them per insert) and `ANALYZE` statistics for the planner.
    public static func finish(_ db: Connection) throws {
        for table in ShopSchema.tables {
            for statement in table.indexStatements { try db.execute(statement) }
        }
        try db.execute("ANALYZE")
    }

    /// Builds the dataset and serializes it.
    public static func build(_ spec: DatasetSpec) throws -> DatabaseImage {
        try load(spec).serialize()
    }

    /// The dataset's image, from the on-disk cache when a valid one exists, else built (and
    /// cached when `cache` is given). A cache that cannot be read or written is simply bypassed.
    public static func image(for spec: DatasetSpec, cache: ImageCache? = .standard) throws -> DatabaseImage {
        if let cache, let image = cache.load(spec) { return image }
        let image = try build(spec)
        cache?.store(image, for: spec)
        return image
    }

    /// A fingerprint of the data: FNV-1a over a canonical dump (every table in load order, rows
    /// in primary-key order, each value tagged with its type). Independent of SQLite's file layout.
    public static func fingerprint(_ db: Connection) throws -> String {
        var hash = FNV1a64()
        for table in ShopSchema.tables {
            hash.add(table.name)
            let order = table.columns.map(\.name).joined(separator: ", ")
            try db.prepare("SELECT * FROM \(table.name) ORDER BY \(order)").step { row in
                for index in 0..<row.count { hash.add(row[index]) }
                return true
            }
        }
        return hash.hex
    }

    /// Row counts per table, in load order.
    public static func rowCounts(_ db: Connection) throws -> [(table: String, rows: Int)] {
        try ShopSchema.tables.map { table in
            guard case .integer(let count)? = try db.prepare("SELECT count(*) FROM \(table.name)").scalar() else {
                return (table.name, 0)
            }
            return (table.name, Int(count))
        }
    }
}

/// 64-bit FNV-1a. Used for fingerprints and cache checks, where a cryptographic hash would add a
/// dependency (and a minute of build time) for no benefit: nothing here defends against forgery.
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    public mutating func add(_ text: String) {
        add(bytes: text.utf8)
        add(bytes: CollectionOfOne(0xFF))
    }

    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add(bytes: $0) }
    }

    public mutating func add(_ value: Value) {
        switch value {
        case .null: add(bytes: CollectionOfOne(0))
        case .integer(let v): add(bytes: CollectionOfOne(1)); add(UInt64(bitPattern: v))
        case .real(let v): add(bytes: CollectionOfOne(2)); add(v.bitPattern)
        case .text(let v): add(bytes: CollectionOfOne(3)); add(v)
        case .blob(let v): add(bytes: CollectionOfOne(4)); add(UInt64(v.count)); add(bytes: v)
        }
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Built dataset images cached on disk, so that a cold `sqlprep` starts in milliseconds.
///
/// The file name carries everything the bytes depend on: the generator version, a hash of the
/// schema DDL, the SQLite version that wrote it, the seed and the scale. Files are written
/// atomically (temporary file + rename) and checked for a sane SQLite header on load; a file
/// that fails the check is ignored and rebuilt.
public struct ImageCache: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$SQLPREP_CACHE_DIR`, else `$XDG_CACHE_HOME/sqlprep`, else `~/.cache/sqlprep`;
    /// nil when `SQLPREP_CACHE_DIR` is set to an empty string (caching off).
    public static var standard: ImageCache? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["SQLPREP_CACHE_DIR"] {
            return explicit.isEmpty ? nil : ImageCache(directory: explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return ImageCache(directory: xdg + "/sqlprep")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return ImageCache(directory: home + "/.cache/sqlprep")
    }

    public static let schemaHash: String = {
        var hash = FNV1a64()
        for table in ShopSchema.tables {
            hash.add(table.createStatement)
            for index in table.indexStatements { hash.add(index) }
        }
        return String(hash.hex.prefix(8))
    }()

    /// Identifies the build of the running program (size and modification time of the
    /// executable), so that a rebuilt sqlprep never reads an image an older build wrote — even
    /// when someone changed the generator and forgot to bump ``ShopGenerator/version``.
    public static let buildIdentity: String = {
        var hash = FNV1a64()
        hash.add(String(ShopGenerator.version))
        hash.add(schemaHash)
        hash.add(SQLiteLibrary.version)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: "/proc/self/exe".resolvingSymlinks),
           let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date {
            hash.add(size.uint64Value)
            hash.add(UInt64(bitPattern: Int64(date.timeIntervalSince1970 * 1000)))
        }
        return String(hash.hex.prefix(12))
    }()

    public func path(for spec: DatasetSpec) -> String {
        "\(directory)/shop-\(ImageCache.buildIdentity)-seed\(spec.seed)-scale\(spec.scale)\(spec.edgeCases ? "-edge" : "").db"
    }

    /// Removes images written by other builds of sqlprep (they can never be read again).
    func pruneStaleImages() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix("shop-") && name.hasSuffix(".db") && !name.hasPrefix("shop-\(ImageCache.buildIdentity)-") {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }

    /// Whether a file for `spec` is there (valid or not: ``load(_:)`` checks).
    public func contains(_ spec: DatasetSpec) -> Bool {
        FileManager.default.fileExists(atPath: path(for: spec))
    }

    public func load(_ spec: DatasetSpec) -> DatabaseImage? {
        guard let image = DatabaseImage.map(path: path(for: spec)), ImageCache.looksValid(image) else { return nil }
        return image
    }

    public func store(_ image: DatabaseImage, for spec: DatasetSpec) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if image.write(atomicallyTo: path(for: spec)) { pruneStaleImages() }
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

extension String {
    var resolvingSymlinks: String { (self as NSString).resolvingSymlinksInPath }
}
