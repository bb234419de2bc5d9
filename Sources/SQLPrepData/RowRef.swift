/// One row of a dataset: its table (by position in ``ShopSchema/tables``) and its rowid.
///
/// Ordered by table, then rowid, which is load order: parents before children.
public struct RowRef: Hashable, Sendable, Comparable {
    public let table: Int
    public let rowid: Int64

    public init(table: Int, rowid: Int64) {
        self.table = table
        self.rowid = rowid
    }

    public static func < (a: RowRef, b: RowRef) -> Bool { (a.table, a.rowid) < (b.table, b.rowid) }
}
