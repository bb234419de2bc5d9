import SQLPrepData
import SQLiteKit
import Testing

@Suite("Foreign keys and subsets")
struct SubsetTests {
    @Test("Foreign keys are data: every link, in load order, to its parent's primary key")
    func foreignKeys() {
        let links = ShopSchema.foreignKeys.map { "\($0.table).\($0.column) -> \($0.parent).\($0.parentColumn)" }
        #expect(links == [
            "sessions.user_id -> users.user_id",
            "events.session_id -> sessions.session_id",
            "orders.user_id -> users.user_id",
            "orders.session_id -> sessions.session_id",
            "order_items.order_id -> orders.order_id",
            "order_items.product_id -> products.product_id",
            "experiment_assignments.experiment_id -> experiments.experiment_id",
            "experiment_assignments.user_id -> users.user_id",
            "memberships.user_id -> users.user_id",
        ])
        let order = ShopSchema.tables.map(\.name)
        for key in ShopSchema.foreignKeys {
            #expect(order.firstIndex(of: key.parent)! < order.firstIndex(of: key.table)!, "\(key.parent) loads before \(key.table)")
        }
    }

    @Test("The DDL spells a foreign key as before: other constraints, then REFERENCES", arguments: [
        ("sessions", "  user_id INTEGER REFERENCES users,"),
        ("orders", "  session_id INTEGER NOT NULL REFERENCES sessions,"),
        ("order_items", "  product_id INTEGER NOT NULL REFERENCES products,"),
        ("products", "  product_id INTEGER PRIMARY KEY,"),
        ("users", "  country TEXT,"),
    ])
    func ddl(table: String, line: String) throws {
        let statement = try #require(ShopSchema.table(named: table)).createStatement
        #expect(statement.split(separator: "\n").contains { $0 == line }, "\(statement)")
    }

    @Test("A row brings its parents among the tables asked for, transitively, and the subset is a consistent database")
    func withParents() throws {
        let rows = try DatasetRows(image: Datasets.tiny.get())
        let all = Set(rows.tables.indices)
        let items = try #require(rows.tables.firstIndex(of: "order_items"))
        let item = RowRef(table: items, rowid: 1)
        let subset = rows.withParents([item], among: all)
        #expect(Set(subset.map { rows.tables[$0.table] }) == ["order_items", "orders", "sessions", "users", "products"])
        #expect(subset.count == 5)
        // Parents in tables not asked for stay out.
        #expect(rows.withParents([item], among: [items]) == [item])

        let db = try Connection.inMemory()
        try db.attachReadOnly(SubsetBuilder(rows).database(of: subset))
        #expect(try db.prepare("PRAGMA foreign_key_check").allRows().isEmpty)
        let counts = try ShopDataset.rowCounts(db).filter { $0.rows > 0 }.map(\.table)
        #expect(counts == ["products", "users", "sessions", "orders", "order_items"])
    }

    @Test("Families split the rows of the tables asked for: each row in exactly one, under its tree ancestors")
    func families() throws {
        let rows = try DatasetRows(image: Datasets.tiny.get())
        let among = rows.tableIndexes(named: ["users", "sessions", "orders", "experiment_assignments"])
        let families = rows.families(among: among)
        let flat = families.flatMap { $0.flatMap { $0 } }
        #expect(flat.count == Set(flat).count)
        let db = try Datasets.connection(Datasets.tiny)
        let total = try ["users", "sessions", "orders", "experiment_assignments"].map {
            try db.double("SELECT count(*) FROM \($0)")
        }.reduce(0, +)
        #expect(Double(flat.count) == total)
        for family in families.joined() {
            let members = Set(family)
            for row in family {
                if let parent = rows.treeParent(of: row), among.contains(parent.table) {
                    #expect(members.contains(parent), "\(row) sits with its tree parent \(parent)")
                }
            }
        }
    }

    @Test("The values of a subset come back by table in rowid order, with the column names")
    func values() throws {
        let rows = try DatasetRows(image: Datasets.tiny.get())
        let products = try #require(rows.tables.firstIndex(of: "products"))
        let subset: Set<RowRef> = [RowRef(table: products, rowid: 3), RowRef(table: products, rowid: 1)]
        let (columns, values) = try SubsetBuilder(rows).values(of: products, in: subset)
        #expect(columns == ShopSchema.table(named: "products")?.columns.map(\.name))
        #expect(values.map { $0[0] } == [.integer(1), .integer(3)])
    }
}
