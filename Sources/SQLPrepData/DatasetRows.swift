import Foundation
import SQLiteKit

/// The rows of a dataset image and how they hang together, indexed once per image and shared by
/// every tool that cuts the data into consistent pieces (the counterexample search does, per
/// wrong answer): each table's rows, each row's parent along every foreign key of
/// ``ShopSchema/foreignKeys``, and the tree that groups rows into families.
///
/// The tree: a row's tree parent is its parent in the table with the most rows (an experiment
/// assignment belongs to its user, not to one of three experiments; an order to its session), and
/// a family is a top-level row (a user, an anonymous visit, a product…) with everything under it.
/// Families over some tables keep, of each family, the rows of those tables: a query that reads
/// assignments and sessions but not users still gets one family per user.
///
/// ```swift
/// let rows = try DatasetRows(image: image)
/// let orders = rows.tables.firstIndex(of: "orders")!
/// let builder = try SubsetBuilder(rows)
/// let small = try builder.database(of: rows.withParents([RowRef(table: orders, rowid: 1)], among: [orders]))
/// ```
public final class DatasetRows: @unchecked Sendable {
    // @unchecked: everything is immutable after init, except `familyCache`, guarded by `lock`.
    public let image: DatabaseImage
    /// Table names, in ``ShopSchema/tables`` order (load order: parents first); a ``RowRef``'s
    /// `table` is a position in this list.
    public let tables: [String]
    /// Per table, its rowids in order.
    let rowids: [[Int64]]
    /// Per foreign key of ``ShopSchema/foreignKeys``: child and parent table, and per child row
    /// (by position) the parent's rowid, or nil.
    let links: [(child: Int, parent: Int, parentOf: [Int64?])]
    /// Per table, the link to its tree parent, if it has a parent table.
    let treeLink: [Int?]
    /// Per table and row position, the top-level row of its family.
    let topRoot: [[RowRef]]
    private let lock = NSLock()
    private var familyCache: [Set<Int>: [[[RowRef]]]] = [:]

    public init(image: DatabaseImage) throws {
        self.image = image
        let source = try Connection.inMemory()
        try source.attachReadOnly(image)
        let tables = ShopSchema.tables.map(\.name)
        self.tables = tables
        let tableIndex = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1, $0) })
        let rowids = try tables.map { table in
            try source.prepare("SELECT rowid FROM \(table) ORDER BY rowid").allRows().compactMap {
                if case .integer(let id) = $0[0] { id } else { nil }
            }
        }
        self.rowids = rowids
        func position(_ table: Int, _ rowid: Int64) -> Int? { DatasetRows.position(of: rowid, in: rowids[table]) }
        // Every key names tables of the schema, so both lookups succeed.
        let keys = ShopSchema.foreignKeys.compactMap { key in
            tableIndex[key.table].flatMap { child in tableIndex[key.parent].map { (key: key, child: child, parent: $0) } }
        }
        let links: [(child: Int, parent: Int, parentOf: [Int64?])] = try keys.map { key, child, parent in
            var parentOf = [Int64?](repeating: nil, count: rowids[child].count)
            let statement = try source.prepare("""
                SELECT c.rowid, p.rowid FROM \(key.table) c JOIN \(key.parent) p ON p.\(key.parentColumn) = c.\(key.column)
                """)
            try statement.step { row in
                let values = row.values
                if case .integer(let c) = values[0], case .integer(let p) = values[1], let at = position(child, c) { parentOf[at] = p }
                return true
            }
            return (child, parent, parentOf)
        }
        self.links = links
        // The tree parent: the parent table with the most rows; on a tie, the first key.
        let treeLink: [Int?] = tables.indices.map { table in
            links.indices
                .filter { links[$0].child == table }
                .max { (rowids[links[$0].parent].count, -$0) < (rowids[links[$1].parent].count, -$1) }
        }
        self.treeLink = treeLink
        // Tables come parents first (load order), so a parent's top-level row is known before its children's.
        var topRoot: [[RowRef]] = []
        for table in tables.indices {
            topRoot.append(rowids[table].enumerated().map { at, rowid in
                if let link = treeLink[table].map({ links[$0] }), let parent = link.parentOf[at],
                   let parentAt = position(link.parent, parent), link.parent < table {
                    return topRoot[link.parent][parentAt]
                }
                return RowRef(table: table, rowid: rowid)
            })
        }
        self.topRoot = topRoot
    }

    /// Where `rowid` sits in `ids` (sorted): O(1) when rowids are dense, as generated data's are.
    static func position(of rowid: Int64, in ids: [Int64]) -> Int? {
        guard let first = ids.first else { return nil }
        let guess = Int(rowid - first)
        if guess >= 0 && guess < ids.count && ids[guess] == rowid { return guess }
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < rowid { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == rowid ? low : nil
    }

    /// The positions in ``tables`` of the tables named.
    public func tableIndexes(named names: Set<String>) -> Set<Int> {
        Set(tables.indices.filter { names.contains(tables[$0]) })
    }

    /// The rows of the tables `among` (positions in ``tables``), grouped into families (see the
    /// type's description): one list per top-level table, in table order, of families in rowid
    /// order of their top-level rows; a family's rows in table order, then rowid order.
    public func families(among tables: Set<Int>) -> [[[RowRef]]] {
        if let cached = lock.withLock({ familyCache[tables] }) { return cached }
        var familyOf: [RowRef: Int] = [:]
        var families: [[RowRef]] = []
        var byRootTable: [Int: [Int]] = [:]
        for table in self.tables.indices where tables.contains(table) {
            for (at, rowid) in rowids[table].enumerated() {
                let root = topRoot[table][at]
                if let family = familyOf[root] {
                    families[family].append(RowRef(table: table, rowid: rowid))
                } else {
                    familyOf[root] = families.count
                    byRootTable[root.table, default: []].append(families.count)
                    families.append([RowRef(table: table, rowid: rowid)])
                }
            }
        }
        // Families are made in table order, so each list holds its roots' families in rowid order once sorted by root.
        let result = byRootTable.keys.sorted().map { rootTable in
            (byRootTable[rootTable] ?? []).sorted { topRootOf(families[$0]) < topRootOf(families[$1]) }.map { families[$0] }
        }
        lock.withLock { familyCache[tables] = result }
        return result
    }

    /// The top-level row of the family whose first row is `family[0]`.
    private func topRootOf(_ family: [RowRef]) -> RowRef {
        guard let row = family.first, let at = DatasetRows.position(of: row.rowid, in: rowids[row.table]) else {
            return family.first ?? RowRef(table: 0, rowid: 0)
        }
        return topRoot[row.table][at]
    }

    /// The tree parent of `row` (see the type's description), if any.
    public func treeParent(of row: RowRef) -> RowRef? {
        guard let link = treeLink[row.table].map({ links[$0] }),
              let at = DatasetRows.position(of: row.rowid, in: rowids[row.table]), let parent = link.parentOf[at] else { return nil }
        return RowRef(table: link.parent, rowid: parent)
    }

    /// The parents of `row` in the tables `among`.
    public func parents(of row: RowRef, among tables: Set<Int>) -> [RowRef] {
        guard let at = DatasetRows.position(of: row.rowid, in: rowids[row.table]) else { return [] }
        return links.compactMap { link in
            guard link.child == row.table, tables.contains(link.parent), let parent = link.parentOf[at] else { return nil }
            return RowRef(table: link.parent, rowid: parent)
        }
    }

    /// `rows` with every parent they need in the tables `among`, transitively (an order item
    /// brings its product, an order its session): the rows of a consistent database.
    public func withParents(_ rows: some Sequence<RowRef>, among tables: Set<Int>) -> Set<RowRef> {
        var all = Set(rows)
        var pending = Array(all)
        while let row = pending.popLast() {
            for parent in parents(of: row, among: tables) where all.insert(parent).inserted {
                pending.append(parent)
            }
        }
        return all
    }
}
