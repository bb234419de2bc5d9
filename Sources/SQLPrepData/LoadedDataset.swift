import SQLiteKit

/// A built dataset held in memory (read from the image cache when a valid image is there): the
/// image a sandbox runs on, and the read-only questions `sqlprep dataset` asks of it, so that a
/// caller never opens SQLite itself.
///
/// ```swift
/// let dataset = try LoadedDataset(DatasetSpec(seed: 7, scale: .tiny))
/// print(try dataset.fingerprint())
/// ```
public struct LoadedDataset: Sendable {
    public let spec: DatasetSpec
    public let image: DatabaseImage

    /// Loads `spec`'s image from `cache`, or builds it (and caches it when `cache` is given);
    /// `notice` hears why a build was needed (see ``ShopDataset/image(for:cache:notice:)``).
    public init(_ spec: DatasetSpec, cache: ImageCache? = .standard, notice: ((BuildNotice) -> Void)? = nil) throws {
        self.spec = spec
        image = try ShopDataset.image(for: spec, cache: cache, notice: notice)
    }

    /// The version of the SQLite library that builds and reads the datasets (part of the image
    /// cache's key, since another version may write other bytes).
    public static var sqliteVersion: String { SQLiteLibrary.version }

    /// Row counts per table, in load order.
    public func rowCounts() throws -> [(table: String, rows: Int)] {
        try ShopDataset.rowCounts(try connection())
    }

    /// The fingerprint of the data (see ``ShopDataset/fingerprint(_:)``).
    public func fingerprint() throws -> String {
        try ShopDataset.fingerprint(try connection())
    }

    /// Writes `table` as CSV to `path` (see ``CSVExport``) and returns the number of data rows.
    @discardableResult
    public func writeCSV(_ table: TableSchema, to path: String) throws -> Int {
        try CSVExport.write(table: table, from: try connection(), to: path)
    }

    /// A fresh read-only connection to the image: cheap (the image is not copied), and one per
    /// question keeps the value `Sendable`.
    private func connection() throws -> Connection {
        let db = try Connection.inMemory()
        try db.attachReadOnly(image)
        return db
    }
}
