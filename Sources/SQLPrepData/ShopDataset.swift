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
    /// cached when `cache` is given). A cache that cannot be read or written is simply bypassed;
    /// a damaged image is never used: it is built again, and `notice` says why.
    ///
    /// `notice` hears, before a build starts, why one is needed (with a line for people in
    /// ``BuildNotice/message``): the dataset is not cached yet, or its cached image failed its check.
    public static func image(
        for spec: DatasetSpec, cache: ImageCache? = .standard, notice: ((BuildNotice) -> Void)? = nil
    ) throws -> DatabaseImage {
        if let cache {
            switch cache.lookup(spec) {
            case .hit(let image): return image
            case .missing: notice?(BuildNotice(spec: spec, damage: nil))
            case .damaged(let problem): notice?(BuildNotice(spec: spec, damage: (cache.path(for: spec), problem)))
            }
        }
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

/// Why a dataset is being built instead of read from the cache.
public struct BuildNotice: Sendable {
    public let spec: DatasetSpec
    /// The cached file that failed its check and what was wrong, or nil when it was not cached yet.
    public let damage: (path: String, problem: String)?

    public var message: String {
        guard let damage else { return "Preparing the \(spec.scale) dataset (seed \(spec.seed)); later runs reuse it…" }
        return "The cached \(spec.scale) dataset (seed \(spec.seed)) in \(damage.path) is damaged (\(damage.problem)), so it is not used: building it again…"
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

extension String {
    var resolvingSymlinks: String { (self as NSString).resolvingSymlinksInPath }
}
