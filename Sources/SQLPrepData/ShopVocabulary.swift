/// The fixed vocabularies of the shop dataset. Rows refer to them by index; the loader turns
/// indexes into text. Order matters: it is part of the generator's output.
public enum ShopVocabulary {
    public static let devices = ["desktop", "mobile", "tablet"]
    public static let sessionChannels = ["direct", "organic", "paid_search", "paid_social", "email", "referral", "display"]
    public static let spendChannels = ["paid_search", "paid_social", "display", "email", "podcast"]
    /// Campaigns and the channel (index into ``sessionChannels``, or "podcast") each belongs to.
    public static let campaigns = [
        "search_brand", "search_generic", "social_prospecting", "social_retargeting",
        "display_awareness", "newsletter", "podcast_sponsorship",
    ]
    public static let campaignChannel = ["paid_search", "paid_search", "paid_social", "paid_social", "display", "email", "podcast"]
    public static let countries = ["US", "GB", "DE", "FR", "CA", "AU", "NL", "ES", "IN", "BR"]
    public static let landingPages = ["home", "category", "product", "sale", "blog"]
    public static let eventTypes = ["page_view", "product_view", "add_to_cart", "begin_checkout", "purchase"]
    public static let orderStatuses = ["completed", "cancelled", "refunded"]
    public static let coupons = ["WELCOME10", "SAVE15", "FREESHIP"]
    public static let variants = ["control", "treatment"]
    public static let plans = ["monthly", "annual"]
    public static let categories = ["electronics", "home", "apparel", "beauty", "sports", "books", "toys"]

    // Indexes used by the generator's rules.
    static let direct = 0, organic = 1, paidSearch = 2, paidSocial = 3, email = 4, referral = 5, display = 6
    static let desktop = 0, mobile = 1, tablet = 2
    static let pageView = 0, productView = 1, addToCart = 2, beginCheckout = 3, purchase = 4
    static let completed = 0, cancelled = 1, refunded = 2
    static let apparel = 2
    static let productLanding = 2
}
