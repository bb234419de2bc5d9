/// The tables of the "shop" dataset: names, columns, SQL types and a one-line meaning for each.
///
/// This is the single source of the DDL, the data dictionary (`sqlprep dataset schema`,
/// `Fixtures/shop-schema.txt`) and the table descriptions shown with exercises.
public struct TableSchema: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public let name: String
        public let type: String
        public let constraints: String
        public let meaning: String
    }

    public let name: String
    public let meaning: String
    public let columns: [Column]
    /// Indexes created after loading, as `(name, column list)`.
    public let indexes: [(String, String)]

    public static func == (a: TableSchema, b: TableSchema) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public var createStatement: String {
        let body = columns.map { "  \($0.name) \($0.type)\($0.constraints.isEmpty ? "" : " " + $0.constraints)" }
        return "CREATE TABLE \(name) (\n" + body.joined(separator: ",\n") + "\n) STRICT"
    }

    public var indexStatements: [String] {
        indexes.map { "CREATE INDEX \($0.0) ON \(name)(\($0.1))" }
    }
}

private func col(_ name: String, _ type: String, _ constraints: String = "", _ meaning: String) -> TableSchema.Column {
    TableSchema.Column(name: name, type: type, constraints: constraints, meaning: meaning)
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
                col("price_cents", "INTEGER", "NOT NULL", "List price in cents."),
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
                col("user_id", "INTEGER", "REFERENCES users", "The signed-in user; NULL for anonymous visitors."),
                col("started_at", "TEXT", "NOT NULL", "Start of the visit (UTC)."),
                col("ended_at", "TEXT", "NOT NULL", "End of the visit (UTC)."),
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
                col("session_id", "INTEGER", "NOT NULL REFERENCES sessions", "The session the event belongs to."),
                col("user_id", "INTEGER", "", "The signed-in user; NULL for anonymous visitors."),
                col("event_type", "TEXT", "NOT NULL", "page_view, product_view, add_to_cart, begin_checkout or purchase."),
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
                col("user_id", "INTEGER", "NOT NULL REFERENCES users", "Who ordered."),
                col("session_id", "INTEGER", "NOT NULL REFERENCES sessions", "The session in which the order was placed."),
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
                col("order_id", "INTEGER", "NOT NULL REFERENCES orders", "The order."),
                col("product_id", "INTEGER", "NOT NULL REFERENCES products", "The product."),
                col("quantity", "INTEGER", "NOT NULL", "Units bought."),
                col("unit_price_cents", "INTEGER", "NOT NULL", "Price paid per unit, in cents."),
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
                col("experiment_id", "INTEGER", "NOT NULL REFERENCES experiments", "The experiment."),
                col("user_id", "INTEGER", "NOT NULL REFERENCES users", "The user."),
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
                col("user_id", "INTEGER", "NOT NULL REFERENCES users", "The member."),
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

    /// A column that names a row of another table (`REFERENCES parent` in its constraints).
    public struct ForeignKey: Sendable, Hashable {
        public let table: String
        public let column: String
        public let parent: String
        /// The parent's primary key column.
        public let parentColumn: String
    }

    /// Every foreign key, read from the columns' `REFERENCES` constraints, in load order: the
    /// relational facts a tool that cuts the data into consistent pieces needs.
    public static let foreignKeys: [ForeignKey] = tables.flatMap { table in
        table.columns.compactMap { column -> ForeignKey? in
            let words = column.constraints.split(separator: " ")
            guard let at = words.firstIndex(of: "REFERENCES"), at + 1 < words.count,
                  let parent = ShopSchema.table(named: String(words[at + 1])),
                  let key = parent.columns.first(where: { $0.constraints.contains("PRIMARY KEY") }) else { return nil }
            return ForeignKey(table: table.name, column: column.name, parent: parent.name, parentColumn: key.name)
        }
    }
}
