/// Rows as the generator emits them: integers and vocabulary indexes only (no strings), so that
/// generation allocates nothing per row. Timestamps are seconds since 1970-01-01 UTC; `-1` or
/// `0` stands for NULL where the field's comment says so.
public struct UserRow: Sendable {
    public var id: Int64
    public var signupAt: Int64
    /// Index into ``ShopVocabulary/countries``; -1 for NULL.
    public var country: Int
    public var channel: Int
    public var device: Int
}

public struct SessionRow: Sendable {
    public var id: Int64
    /// 0 for an anonymous visitor (NULL).
    public var userID: Int64
    public var startedAt: Int64
    public var endedAt: Int64
    public var device: Int
    public var channel: Int
    /// Index into ``ShopVocabulary/campaigns``; -1 for NULL.
    public var campaign: Int
    public var landingPage: Int
    public var pageViews: Int
}

public struct EventRow: Sendable {
    public var id: Int64
    public var sessionID: Int64
    /// 0 for NULL.
    public var userID: Int64
    public var type: Int
    /// 0 for NULL.
    public var productID: Int64
    public var occurredAt: Int64
}

public struct OrderRow: Sendable {
    public var id: Int64
    public var userID: Int64
    public var sessionID: Int64
    public var orderedAt: Int64
    public var status: Int
    public var subtotal: Int64
    public var discount: Int64
    public var shipping: Int64
    public var total: Int64
    /// Index into ``ShopVocabulary/coupons``; -1 for NULL.
    public var coupon: Int
}

public struct OrderItemRow: Sendable {
    public var orderID: Int64
    public var productID: Int64
    public var quantity: Int64
    public var unitPrice: Int64
}

public struct SpendRow: Sendable {
    /// Days since 1970-01-01.
    public var day: Int
    public var campaign: Int
    public var impressions: Int64
    public var clicks: Int64
    public var spend: Int64
}

public struct AssignmentRow: Sendable {
    public var experimentID: Int64
    public var userID: Int64
    public var variant: Int
    public var assignedAt: Int64
}

public struct MembershipRow: Sendable {
    public var id: Int64
    public var userID: Int64
    public var plan: Int
    public var price: Int64
    public var startedAt: Int64
    /// -1 for NULL (still active).
    public var cancelledAt: Int64
}

public struct ProductRow: Sendable {
    public var id: Int64
    public var name: String
    public var category: Int
    public var price: Int64
    public var cost: Int64
}

public struct ExperimentRow: Sendable {
    public var id: Int64
    public var name: String
    public var hypothesis: String
    public var startDay: Int
    public var endDay: Int
    public var plannedSplit: String
}

/// Where generated rows go: the SQLite loader, or an in-memory collection (benchmarks, tests).
public protocol ShopRowSink {
    mutating func product(_ row: ProductRow) throws
    mutating func experiment(_ row: ExperimentRow) throws
    mutating func user(_ row: UserRow) throws
    mutating func session(_ row: SessionRow) throws
    mutating func event(_ row: EventRow) throws
    mutating func order(_ row: OrderRow) throws
    mutating func orderItem(_ row: OrderItemRow) throws
    mutating func assignment(_ row: AssignmentRow) throws
    mutating func membership(_ row: MembershipRow) throws
    mutating func spend(_ row: SpendRow) throws
}
