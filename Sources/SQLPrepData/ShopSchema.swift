/// The tables of the "shop" dataset: names, columns, SQL types, keys and a one-line meaning for each.
///
/// This is the single source of the DDL, the data dictionary (`sqlprep dataset schema`,
/// `Fixtures/shop-schema.txt`), the table descriptions shown with exercises and the foreign keys
/// along which ``SubsetBuilder`` cuts the data into consistent pieces.
public struct TableSchema: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public let name: String
        public let type: String
        /// Constraints other than a foreign key, as SQL (`NOT NULL`, `PRIMARY KEY`).
        public let constraints: String
        /// The table whose primary key this column holds, if it is a foreign key: data, so that the
        /// DDL's `REFERENCES` clause and every tool that follows the links read the same fact.
        public let references: String?
        public let meaning: String

        /// Whether this column is its table's primary key.
        public var isPrimaryKey: Bool { constraints == "PRIMARY KEY" }

        /// The column's constraints as the DDL spells them, the foreign key last.
        public var definitionConstraints: String {
            [constraints, references.map { "REFERENCES " + $0 } ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    public let name: String
    public let meaning: String
    public let columns: [Column]
    /// Indexes created after loading, as `(name, column list)`.
    public let indexes: [(String, String)]

    public static func == (a: TableSchema, b: TableSchema) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public var createStatement: String {
        let body = columns.map { column in
            let constraints = column.definitionConstraints
            return "  \(column.name) \(column.type)\(constraints.isEmpty ? "" : " " + constraints)"
        }
        return "CREATE TABLE \(name) (\n" + body.joined(separator: ",\n") + "\n) STRICT"
    }

    public var indexStatements: [String] {
        indexes.map { "CREATE INDEX \($0.0) ON \(name)(\($0.1))" }
    }

    /// The primary key column, if the table has one.
    public var primaryKey: Column? { columns.first(where: \.isPrimaryKey) }
}

private func col(_ name: String, _ type: String, _ constraints: String = "", references: String? = nil, _ meaning: String) -> TableSchema.Column {
    TableSchema.Column(name: name, type: type, constraints: constraints, references: references, meaning: meaning)
}

public enum ShopSchema {
    /// Every table, in load order (parents before children).
    public static let tables: [TableSchema] = [
        TableSchema(
            name: "products",
            meaning: "The catalogue: one row per product on sale.",
            columns: [
                col("product_id", "INTEGER", "PRIMARY KEY", "Product identifier."),
                col("name", "TEXT", "NOT NULL", "Display name."),
                col("category", "TEXT", "NOT NULL", "One of electronics, home, apparel, beauty, sports, books, toys."),
                col("price_cents", "INTEGER", "NOT NULL", "List price today, in cents (order lines keep the price actually paid)."),
                col("cost_cents", "INTEGER", "NOT NULL", "What one unit costs the shop, in cents (for margin)."),
            ],
            indexes: []
        ),
        TableSchema(
            name: "users",
            meaning: "Registered customers: one row per account.",
            columns: [
                col("user_id", "INTEGER", "PRIMARY KEY", "User identifier."),
                col("signup_at", "TEXT", "NOT NULL", "When the account was created (UTC, YYYY-MM-DD HH:MM:SS)."),
                col("country", "TEXT", "", "ISO country code; NULL when unknown."),
                col("channel", "TEXT", "NOT NULL", "Acquisition channel of the signup session (organic, paid_search, paid_social, referral, display)."),
                col("device", "TEXT", "NOT NULL", "Device used at signup: desktop, mobile or tablet."),
            ],
            indexes: [("users_signup", "signup_at")]
        ),
        TableSchema(
            name: "sessions",
            meaning: "Visits to the shop. Anonymous visitors have no user_id.",
            columns: [
                col("session_id", "INTEGER", "PRIMARY KEY", "Session identifier."),
                col("user_id", "INTEGER", references: "users", "The signed-in user; NULL for anonymous visitors."),
                col("started_at", "TEXT", "NOT NULL", "Start of the visit (UTC)."),
                col("ended_at", "TEXT", "NOT NULL", "End of the visit (UTC); a late visit can end after midnight."),
                col("device", "TEXT", "NOT NULL", "desktop, mobile or tablet."),
                col("channel", "TEXT", "NOT NULL", "Traffic channel: direct, organic, paid_search, paid_social, email, referral, display."),
                col("campaign", "TEXT", "", "Marketing campaign for paid and email traffic (matches marketing_spend.campaign); NULL otherwise."),
                col("landing_page", "TEXT", "NOT NULL", "First page seen: home, category, product, sale or blog."),
                col("page_views", "INTEGER", "NOT NULL", "Pages viewed during the visit."),
            ],
            indexes: [("sessions_user", "user_id, started_at"), ("sessions_started", "started_at, channel, device")]
        ),
        TableSchema(
            name: "events",
            meaning: "Tracked funnel events. Like real trackers, about 2% of events are sent twice.",
            columns: [
                col("event_id", "INTEGER", "PRIMARY KEY", "Event identifier (a duplicate has its own id)."),
                col("session_id", "INTEGER", "NOT NULL", references: "sessions", "The session the event belongs to."),
                col("user_id", "INTEGER", "", "The signed-in user; NULL for anonymous visitors."),
                col("event_type", "TEXT", "NOT NULL", "page_view, product_view, add_to_cart, begin_checkout or purchase (not every session has a page_view)."),
                col("product_id", "INTEGER", "", "The product involved (product_view, add_to_cart); NULL otherwise."),
                col("occurred_at", "TEXT", "NOT NULL", "When the event happened (UTC)."),
            ],
            indexes: [("events_session", "session_id, event_type")]
        ),
        TableSchema(
            name: "orders",
            meaning: "Orders placed by registered users. Money in integer cents.",
            columns: [
                col("order_id", "INTEGER", "PRIMARY KEY", "Order identifier."),
                col("user_id", "INTEGER", "NOT NULL", references: "users", "Who ordered."),
                col("session_id", "INTEGER", "NOT NULL", references: "sessions", "The session in which the order was placed."),
                col("ordered_at", "TEXT", "NOT NULL", "When the order was placed (UTC)."),
                col("status", "TEXT", "NOT NULL", "completed, cancelled or refunded. Only completed orders are revenue."),
                col("subtotal_cents", "INTEGER", "NOT NULL", "Sum of item prices × quantities."),
                col("discount_cents", "INTEGER", "NOT NULL", "Coupon discount (0 without a coupon)."),
                col("shipping_cents", "INTEGER", "NOT NULL", "Shipping charged (free from 50.00)."),
                col("total_cents", "INTEGER", "NOT NULL", "subtotal − discount + shipping: what the customer paid."),
                col("coupon_code", "TEXT", "", "Coupon used, or NULL."),
            ],
            indexes: [("orders_user", "user_id, ordered_at"), ("orders_time", "ordered_at, status"), ("orders_session", "session_id")]
        ),
        TableSchema(
            name: "order_items",
            meaning: "Lines of each order: one row per product in an order.",
            columns: [
                col("order_id", "INTEGER", "NOT NULL", references: "orders", "The order."),
                col("product_id", "INTEGER", "NOT NULL", references: "products", "The product."),
                col("quantity", "INTEGER", "NOT NULL", "Units bought."),
                col("unit_price_cents", "INTEGER", "NOT NULL", "Price paid per unit, in cents: below the list price on sale, or an earlier price."),
            ],
            indexes: [("order_items_order", "order_id, product_id")]
        ),
        TableSchema(
            name: "marketing_spend",
            meaning: "Daily paid-marketing delivery and cost per campaign. A day a campaign did not run has no row.",
            columns: [
                col("spend_date", "TEXT", "NOT NULL", "The day (UTC, YYYY-MM-DD)."),
                col("channel", "TEXT", "NOT NULL", "paid_search, paid_social, display, email or podcast."),
                col("campaign", "TEXT", "NOT NULL", "Campaign name (matches sessions.campaign)."),
                col("impressions", "INTEGER", "NOT NULL", "Times an ad or email was shown (podcast: downloads)."),
                col("clicks", "INTEGER", "NOT NULL", "Clicks on the ad or email."),
                col("spend_cents", "INTEGER", "NOT NULL", "Cost of the day, in cents."),
            ],
            indexes: [("marketing_spend_day", "spend_date, channel")]
        ),
        TableSchema(
            name: "experiments",
            meaning: "A/B tests that have run on the shop.",
            columns: [
                col("experiment_id", "INTEGER", "PRIMARY KEY", "Experiment identifier."),
                col("name", "TEXT", "NOT NULL", "Short name."),
                col("hypothesis", "TEXT", "NOT NULL", "What the team expected."),
                col("started_at", "TEXT", "NOT NULL", "First day of the test (UTC)."),
                col("ended_at", "TEXT", "NOT NULL", "Last moment of the test (UTC)."),
                col("planned_split", "TEXT", "NOT NULL", "Intended share of users per variant, e.g. 50/50."),
            ],
            indexes: []
        ),
        TableSchema(
            name: "experiment_assignments",
            meaning: "Which variant each user saw, assigned at their first visit during the test.",
            columns: [
                col("experiment_id", "INTEGER", "NOT NULL", references: "experiments", "The experiment."),
                col("user_id", "INTEGER", "NOT NULL", references: "users", "The user."),
                col("variant", "TEXT", "NOT NULL", "control or treatment."),
                col("assigned_at", "TEXT", "NOT NULL", "When the user was first exposed (UTC)."),
            ],
            indexes: [("experiment_assignments_user", "experiment_id, user_id")]
        ),
        TableSchema(
            name: "memberships",
            meaning: "Paid 'Plus' subscriptions. An active membership has no cancelled_at.",
            columns: [
                col("membership_id", "INTEGER", "PRIMARY KEY", "Membership identifier."),
                col("user_id", "INTEGER", "NOT NULL", references: "users", "The member."),
                col("plan", "TEXT", "NOT NULL", "monthly or annual."),
                col("price_cents", "INTEGER", "NOT NULL", "Price per billing period, in cents."),
                col("started_at", "TEXT", "NOT NULL", "When the subscription began (UTC)."),
                col("cancelled_at", "TEXT", "", "When it was cancelled (UTC); NULL while active."),
            ],
            indexes: [("memberships_user", "user_id")]
        ),
    ]

    public static func table(named name: String) -> TableSchema? {
        tables.first { $0.name == name }
    }

    /// A column that names a row of another table (its ``TableSchema/Column/references``).
    public struct ForeignKey: Sendable, Hashable {
        public let table: String
        public let column: String
        public let parent: String
        /// The parent's primary key column.
        public let parentColumn: String
    }

    /// Every foreign key, in load order (by child table, then column): the relational facts a tool
    /// that cuts the data into consistent pieces needs.
    public static let foreignKeys: [ForeignKey] = tables.flatMap { table in
        table.columns.compactMap { column -> ForeignKey? in
            guard let parentName = column.references, let parent = ShopSchema.table(named: parentName),
                  let key = parent.primaryKey else { return nil }
            return ForeignKey(table: table.name, column: column.name, parent: parent.name, parentColumn: key.name)
        }
    }
}
