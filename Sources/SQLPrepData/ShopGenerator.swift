/// Generates the "shop" dataset: an online shop's users, visits, funnel events, orders, marketing
/// spend, A/B tests and memberships over 18 months (2024-01-01 to 2025-06-30, UTC).
///
/// Behaviour planted for exercises to rely on (each is checked by `ShopRealismTests`):
/// - weekly seasonality in visits and conversion, growth over time, a Black Friday spike;
/// - channels that differ in CTR, CPC, conversion and so CPO; `podcast` spends with no clicks and no orders;
/// - `paid_social` paused for two weeks (no spend rows, no sessions): days a channel spent nothing;
/// - a mobile outage on 2025-03-09: no mobile sessions that day;
/// - checkout live from 2024-01-03: no orders on the first two days;
/// - retention that decays with time since signup and differs by channel and device; repeat buyers; refunds;
/// - experiment 1 (checkout_redesign) with a real lift on conversion (larger on mobile),
///   experiment 2 with no effect, experiment 3 with a sample-ratio mismatch;
/// - NULL countries, anonymous sessions, duplicated tracker events.
///
/// The experiments are planted, not left to chance, so that their story holds on every seed:
/// assignment is a fair coin per user, except experiment 3's, which sends 7 of every 13 users
/// exposed on a device to treatment (shuffled blocks), and whether an assigned user
/// converts inside the test window follows a planted rate per (experiment, variant, device),
/// exact up to a user whatever the seed: users keep their own purchases while the count of
/// converters stays on target; otherwise a converter buys in one of their window visits, or a
/// non-converter's window purchases are dropped.
///
/// The rare rows real data has, so that the mistakes the course teaches change answers:
/// order lines sold below list price (sale prices) or at an earlier price; sessions that start
/// on a product page without a tracked `page_view`; repeat views of a product and views of a
/// second product of the same category; visits late on the last day of a month that run past
/// midnight (and so across quarter and year ends), some starting at 23:59:59; sign-ups in the
/// last minute of 2024; a product priced exactly at the 50.00 free-shipping threshold.
///
/// Every random choice comes from ``SplitMix64`` streams keyed by (seed, stream, index), with
/// integer probabilities, so the output depends only on the ``DatasetSpec``.
public struct ShopGenerator {
    /// Bump when the generated data changes in any way; it keys the on-disk image cache.
    public static let version = 2

    public static let firstDay = CivilTime.days(year: 2024, month: 1, day: 1)
    public static let dayCount = CivilTime.days(year: 2025, month: 6, day: 30) - firstDay + 1

    public let spec: DatasetSpec

    public init(spec: DatasetSpec) { self.spec = spec }

    // MARK: - Fixed facts of the story

    typealias V = ShopVocabulary
    static let socialPause = (CivilTime.days(year: 2024, month: 7, day: 15)...CivilTime.days(year: 2024, month: 7, day: 28))
    static let mobileOutage = CivilTime.days(year: 2025, month: 3, day: 9)
    static let blackFriday = CivilTime.days(year: 2024, month: 11, day: 29)
    static let podcastStart = CivilTime.days(year: 2024, month: 3, day: 4)
    static let repricedAt = Int64(CivilTime.days(year: 2025, month: 1, day: 1)) * 86_400

    struct Experiment {
        let row: ExperimentRow
        /// Assignment blocks: of every `blockSize` users exposed on one device, `blockTreated` go to
        /// treatment. 0: no blocks, a fair coin hashed from (seed, experiment, user), as platforms do.
        let blockSize: Int
        let blockTreated: Int
        /// Planted share of assigned users who order inside the window (ppm), by variant, then device.
        let conversionPPM: [[Int]]
    }

    static let experiments: [Experiment] = [
        Experiment(
            row: ExperimentRow(
                id: 1, name: "checkout_redesign",
                hypothesis: "A one-page checkout lets more visitors finish their order.",
                startDay: CivilTime.days(year: 2024, month: 9, day: 16), endDay: CivilTime.days(year: 2024, month: 11, day: 30),
                plannedSplit: "50/50"),
            // Lifts of 10% (desktop), 20% (mobile) and 38% (tablet): z ≈ 3.5 overall at default scale.
            blockSize: 0, blockTreated: 0,
            conversionPPM: [[340_000, 240_000, 260_000], [374_000, 288_000, 358_800]]),
        Experiment(
            row: ExperimentRow(
                id: 2, name: "homepage_hero_video",
                hypothesis: "An autoplay video on the home page makes visitors more likely to buy.",
                startDay: CivilTime.days(year: 2025, month: 2, day: 1), endDay: CivilTime.days(year: 2025, month: 3, day: 31),
                plannedSplit: "50/50"),
            // A 1.5% relative lift: far too small to show at this sample size.
            blockSize: 0, blockTreated: 0,
            conversionPPM: [[310_000, 200_000, 220_000], [314_650, 203_000, 223_300]]),
        Experiment(
            row: ExperimentRow(
                id: 3, name: "free_shipping_banner",
                hypothesis: "Announcing free shipping over 50.00 raises the average order value.",
                startDay: CivilTime.days(year: 2025, month: 4, day: 15), endDay: CivilTime.days(year: 2025, month: 5, day: 31),
                plannedSplit: "50/50"),
            // A bucketing bug sends more users to treatment (7 in 13, 53.8%): a sample-ratio mismatch to detect.
            blockSize: 13, blockTreated: 7,
            conversionPPM: [[300_000, 190_000, 190_000], [300_000, 190_000, 190_000]]),
    ]

    // Weights and rates, in parts per million or percent, indexed by vocabulary.
    static let countryWeights = WeightTable([400, 120, 100, 80, 80, 50, 40, 40, 40, 20, 30])  // last: NULL
    static let deviceWeights = WeightTable([45, 45, 10])
    static let signupChannelWeights = WeightTable([0, 34, 26, 18, 0, 12, 10])  // by session channel index
    static let returnChannelWeights = WeightTable([36, 19, 10, 10, 15, 5, 5])
    static let anonymousChannelWeights = WeightTable([20, 30, 18, 14, 3, 5, 10])
    static let landingWeights = WeightTable([40, 20, 25, 10, 5])
    static let hourWeights = WeightTable([2, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 6, 7, 6, 6, 6, 6, 7, 8, 9, 9, 8, 5, 3])
    /// Session → order conversion by channel (ppm).
    static let conversionPPM = [88_000, 62_000, 80_000, 36_000, 100_000, 70_000, 8_000]
    static let deviceConversionPercent = [122, 80, 95]
    /// Monday … Sunday.
    static let weekdayConversionPercent = [100, 100, 98, 98, 94, 104, 112]
    static let weekdayTrafficPercent = [104, 102, 100, 100, 94, 84, 90]
    /// Probability of another visit after each visit, by signup channel and device (ppm).
    static let returnPPMByChannel = [880_000, 890_000, 860_000, 790_000, 880_000, 905_000, 760_000]
    static let returnAdjustByDevice = [20_000, -15_000, -40_000]
    /// Campaign delivery: click-through rate (ppm of impressions) and cost per click (cents).
    static let campaignCTR = [80_000, 30_000, 9_000, 15_000, 2_000, 25_000, 0]
    static let campaignCPC = [90, 260, 170, 120, 70, 8, 0]

    // MARK: - Generation

    /// Generates every row into `sink`, parents before children.
    public func generate<Sink: ShopRowSink>(into sink: inout Sink) throws {
        let products = Self.makeProducts(seed: spec.seed)
        for product in products { try sink.product(product) }
        for experiment in Self.experiments { try sink.experiment(experiment.row) }

        let userCount = spec.scale.scaled(20_000)
        var state = RunState(products: products, seed: spec.seed)
        let signupDays = Self.dayWeights(signups: true)

        for index in 0..<userCount {
            var rng = SplitMix64(spec.seed, stream: 1, index: UInt64(index))
            try generateUser(id: Int64(index + 1), rng: &rng, signupDays: signupDays, state: &state, sink: &sink)
        }

        let anonymousCount = spec.scale.scaled(24_000)
        let visitDays = Self.dayWeights(signups: false)
        for index in 0..<anonymousCount {
            var rng = SplitMix64(spec.seed, stream: 2, index: UInt64(index))
            try generateAnonymousSession(rng: &rng, visitDays: visitDays, state: &state, sink: &sink)
        }

        try generateSpend(state: state, sink: &sink)
    }

    /// Counters and per-day tallies shared across users.
    struct RunState {
        /// Product facts as plain arrays (index = id − 1): copying a `ProductRow` out of an array
        /// would retain its name on every order line.
        let productPrices: [Int64]
        let productCategories: [Int]
        let productPopularity: WeightTable
        var nextSessionID: Int64 = 1
        var nextEventID: Int64 = 1
        var nextOrderID: Int64 = 1
        var nextMembershipID: Int64 = 1
        /// Paid sessions per (day, campaign), for marketing_spend.
        var campaignSessions: [Int32]
        let seed: UInt64
        /// Users assigned so far, per (experiment, device).
        var assigned = Array(repeating: 0, count: ShopGenerator.experiments.count * 3)
        /// Assigned users so far, per (experiment, variant, device), for the planted conversion.
        var exposed = Array(repeating: 0, count: ShopGenerator.experiments.count * 6)

        init(products: [ProductRow], seed: UInt64) {
            self.seed = seed
            productPrices = products.map(\.price)
            productCategories = products.map(\.category)
            // Popularity falls with the product's rank: a long tail.
            productPopularity = WeightTable(products.indices.map { 1000 / ($0 % 23 + 2) })
            campaignSessions = Array(repeating: 0, count: ShopGenerator.dayCount * V.campaigns.count)
        }

        /// The variant of `user`, the next user exposed on `device` to experiment `index`: 1 for
        /// treatment. Blocks of `blockSize` users are shuffled from the seed, `blockTreated` of each
        /// block in treatment; without blocks, a fair coin per user.
        mutating func assign(experiment index: Int, device: Int, user: Int64) -> Int {
            let experiment = ShopGenerator.experiments[index]
            guard experiment.blockSize > 0 else {
                var coin = SplitMix64(seed, stream: 100 + UInt64(experiment.row.id), index: UInt64(user))
                return coin.chance(ppm: 500_000) ? 1 : 0
            }
            let count = assigned[index * 3 + device]
            assigned[index * 3 + device] += 1
            var rng = SplitMix64(
                seed, stream: 100 + UInt64(experiment.row.id),
                index: UInt64(device) << 32 | UInt64(count / experiment.blockSize))
            var positions = Array(0..<experiment.blockSize)
            for i in stride(from: positions.count - 1, to: 0, by: -1) { positions.swapAt(i, rng.below(i + 1)) }
            return positions[count % experiment.blockSize] < experiment.blockTreated ? 1 : 0
        }

        /// Converters so far, per (experiment, variant, device).
        var converted = Array(repeating: 0, count: ShopGenerator.experiments.count * 6)

        /// Whether the next user exposed to `variant` on `device` converts inside the window, given
        /// whether their own purchases would make them convert (`natural`). The user keeps their own
        /// behaviour while the converters so far stay within one of the planted rate's target (a
        /// count that starts at a phase drawn from the seed); otherwise the user is made to follow
        /// the target. So the rate is exact up to a user on every seed, and heavy buyers mostly
        /// stay buyers.
        mutating func plantedConversion(experiment index: Int, variant: Int, device: Int, natural: Bool) -> Bool {
            let experiment = ShopGenerator.experiments[index]
            let slot = (index * 2 + variant) * 3 + device
            exposed[slot] += 1
            var rng = SplitMix64(seed, stream: 110 + UInt64(experiment.row.id), index: UInt64(variant * 3 + device))
            let phase = rng.below(1_000_000)
            let target = (exposed[slot] * experiment.conversionPPM[variant][device] + phase) / 1_000_000
            let converts = converted[slot] < (natural ? target + 1 : target)
            if converts { converted[slot] += 1 }
            return converts
        }
    }

    static func dayWeights(signups: Bool) -> WeightTable {
        WeightTable((0..<dayCount).map { offset in
            let day = firstDay + offset
            var weight = 1000 + offset * 900 / dayCount  // growth: ~1.9× over the period
            weight = weight * weekdayTrafficPercent[CivilTime.weekday(days: day)] / 100
            if day == blackFriday { weight = weight * 400 / 100 }
            if day == blackFriday + 3 { weight = weight * 250 / 100 }  // Cyber Monday
            return weight
        })
    }

    @inline(__always)
    static func timeOfDay(_ rng: inout SplitMix64) -> Int64 {
        Int64(rng.pick(hourWeights) * 3600 + rng.below(3600))
    }

    static let lastDay = firstDay + dayCount - 1
    static let periodEnd = Int64(firstDay + dayCount) * 86_400
    /// The shop took its first orders on 2024-01-03: checkout was not live on the first two days.
    static let checkoutOpens = firstDay + 2
    static let lastDayOf2024 = CivilTime.days(year: 2024, month: 12, day: 31)

    /// A visit's time of day. On the last day of a month (but the dataset's last), a few visits come
    /// in the last half hour, some at 23:59:59, and run past midnight into the next month, quarter or year.
    static func visitTime(day: Int, rng: inout SplitMix64) -> Int64 {
        let time = timeOfDay(&rng)
        guard day < lastDay, CivilTime.date(days: day + 1).2 == 1, rng.chance(ppm: 60_000) else { return time }
        return rng.chance(ppm: 200_000) ? 86_399 : Int64(86_400 - rng.int(in: 2...1_800))
    }

    /// A sign-up's time of day: on 2024-12-31 a few people sign up in the year's last minute.
    static func signupTime(day: Int, rng: inout SplitMix64) -> Int64 {
        let time = timeOfDay(&rng)
        guard day == lastDayOf2024, rng.chance(ppm: 150_000) else { return time }
        return Int64(86_340 + rng.below(60))
    }

    /// Session → order conversion of one visit (ppm), before any experiment.
    static func visitConversionPPM(channel: Int, device: Int, day: Int, userPercent: Int, isFirst: Bool) -> Int {
        var ppm = conversionPPM[channel]
        ppm = ppm * deviceConversionPercent[device] / 100
        ppm = ppm * weekdayConversionPercent[CivilTime.weekday(days: day)] / 100
        ppm = ppm * userPercent / 100
        if isFirst { ppm = ppm * 140 / 100 }
        if day == blackFriday || day == blackFriday + 3 { ppm = ppm * 250 / 100 }
        return day < checkoutOpens ? 0 : ppm
    }

    private func generateUser<Sink: ShopRowSink>(
        id: Int64, rng: inout SplitMix64, signupDays: WeightTable, state: inout RunState, sink: inout Sink
    ) throws {
        var day = Self.firstDay + rng.pick(signupDays)
        let device = rng.pick(Self.deviceWeights)
        var channel = rng.pick(Self.signupChannelWeights)
        if Self.socialPause.contains(day) && channel == V.paidSocial { channel = V.organic }
        if day == Self.mobileOutage && device == V.mobile { day += 1 }
        let countryIndex = rng.pick(Self.countryWeights)
        let signupAt = Int64(day) * 86_400 + Self.signupTime(day: day, rng: &rng)
        try sink.user(UserRow(
            id: id, signupAt: signupAt,
            country: countryIndex < V.countries.count ? countryIndex : -1,
            channel: channel, device: device))

        // Engagement: how likely the user is to come back after each visit, and how soon.
        var returnPPM = Self.returnPPMByChannel[channel] + Self.returnAdjustByDevice[device]
        returnPPM += rng.int(in: -60_000...60_000)
        let meanGapDays = [3, 5, 8, 13, 21][rng.below(5)]
        let userConversionPercent = rng.int(in: 60...150)  // some people simply buy more

        var user = UserState(id: id, device: device, conversionPercent: userConversionPercent)
        // First the visits are planned, then the experiments decide who converts, then rows are written.
        var visits: [PlannedVisit] = []
        var at = signupAt
        var first = true
        while true {
            let sessionDay = Int(at / 86_400)
            if sessionDay >= Self.firstDay + Self.dayCount { break }
            let sessionDevice = first || rng.chance(ppm: 850_000) ? device : rng.pick(Self.deviceWeights)
            if sessionDay == Self.mobileOutage && sessionDevice == V.mobile {
                at += 86_400
                continue
            }
            var sessionChannel = first ? channel : rng.pick(Self.returnChannelWeights)
            if sessionChannel == V.paidSocial && Self.socialPause.contains(sessionDay) { sessionChannel = V.direct }
            visits.append(PlannedVisit(at: at, device: sessionDevice, channel: sessionChannel, isFirst: first))
            first = false

            // Some people come back later the same day.
            if rng.chance(ppm: 90_000) {
                let again = at + Int64(rng.int(in: 3600...5 * 3600))
                let againDevice = rng.chance(ppm: 700_000) ? device : rng.pick(Self.deviceWeights)
                if Int(again / 86_400) == sessionDay && !(sessionDay == Self.mobileOutage && againDevice == V.mobile) {
                    var againChannel = rng.pick(Self.returnChannelWeights)
                    if againChannel == V.paidSocial && Self.socialPause.contains(sessionDay) { againChannel = V.direct }
                    visits.append(PlannedVisit(at: again, device: againDevice, channel: againChannel, isFirst: false))
                }
            }

            guard rng.chance(ppm: returnPPM) else { break }
            var gap = 1 + rng.geometric(successPPM: 1_000_000 / meanGapDays, cap: 120)
            var nextDay = sessionDay + gap
            let weekday = CivilTime.weekday(days: nextDay)
            if weekday >= 5 && rng.chance(ppm: 250_000) { gap += 7 - weekday; nextDay = sessionDay + gap }
            // Deal seekers put off a visit due in the week before Black Friday until the day itself.
            if (Self.blackFriday - 6..<Self.blackFriday).contains(nextDay) && rng.chance(ppm: 300_000) {
                nextDay = Self.blackFriday
            }
            at = Int64(nextDay) * 86_400 + Self.visitTime(day: nextDay, rng: &rng)
        }

        for index in visits.indices {
            let visit = visits[index]
            visits[index].ppm = Self.visitConversionPPM(
                channel: visit.channel, device: visit.device, day: Int(visit.at / 86_400),
                userPercent: user.conversionPercent, isFirst: visit.isFirst)
            visits[index].purchases = rng.chance(ppm: visits[index].ppm)
        }
        try plantExperiments(user: user, visits: &visits, rng: &rng, state: &state, sink: &sink)
        for visit in visits {
            try emitSession(user: &user, visit: visit, rng: &rng, state: &state, sink: &sink)
        }
    }

    struct PlannedVisit {
        let at: Int64
        let device: Int
        let channel: Int
        let isFirst: Bool
        var ppm = 0
        var purchases = false
    }

    /// Assigns the user at their first visit inside each experiment's window (on that visit's
    /// device), then makes their purchases in the window agree with the planted conversion: a
    /// converter without a purchase there buys in one of their window visits (likelier where
    /// buying is likelier), a non-converter's window purchases are dropped.
    private func plantExperiments<Sink: ShopRowSink>(
        user: UserState, visits: inout [PlannedVisit], rng: inout SplitMix64, state: inout RunState, sink: inout Sink
    ) throws {
        for (index, experiment) in Self.experiments.enumerated() {
            let opens = Int64(experiment.row.startDay) * 86_400
            let closes = Int64(experiment.row.endDay + 1) * 86_400
            let window = visits.indices.filter { visits[$0].at >= opens && visits[$0].at < closes }
            guard let first = window.first else { continue }
            let device = visits[first].device
            let variant = state.assign(experiment: index, device: device, user: user.id)
            try sink.assignment(AssignmentRow(
                experimentID: experiment.row.id, userID: user.id, variant: variant, assignedAt: visits[first].at))
            // An order from a visit late on the last evening may land after the window closes.
            let early = window.filter { visits[$0].at < closes - 2 * 3600 }
            let candidates = early.isEmpty ? window : early
            let natural = candidates.contains { visits[$0].purchases }
            if state.plantedConversion(experiment: index, variant: variant, device: device, natural: natural) {
                if !natural {
                    let weights = WeightTable(candidates.map { max(1, visits[$0].ppm) })
                    visits[candidates[rng.pick(weights)]].purchases = true
                }
            } else {
                for visitIndex in window { visits[visitIndex].purchases = false }
            }
        }
    }

    struct UserState {
        let id: Int64
        let device: Int
        let conversionPercent: Int
        var orders = 0
        var isMember = false
    }

    private func emitSession<Sink: ShopRowSink>(
        user: inout UserState, visit: PlannedVisit, rng: inout SplitMix64, state: inout RunState, sink: inout Sink
    ) throws {
        let sessionID = state.nextSessionID
        state.nextSessionID += 1
        try emitVisit(
            sessionID: sessionID, userID: user.id, startedAt: visit.at, device: visit.device, channel: visit.channel,
            returning: !visit.isFirst, purchases: visit.purchases, rng: &rng, state: &state, sink: &sink
        ) { purchaseAt, firstProduct, rng, state, sink in
            try emitOrder(
                user: &user, sessionID: sessionID, at: purchaseAt, firstProduct: firstProduct,
                rng: &rng, state: &state, sink: &sink)
        }
    }

    private func generateAnonymousSession<Sink: ShopRowSink>(
        rng: inout SplitMix64, visitDays: WeightTable, state: inout RunState, sink: inout Sink
    ) throws {
        let day = Self.firstDay + rng.pick(visitDays)
        var device = rng.pick(Self.deviceWeights)
        if day == Self.mobileOutage && device == V.mobile { device = V.desktop }
        var channel = rng.pick(Self.anonymousChannelWeights)
        if channel == V.paidSocial && Self.socialPause.contains(day) { channel = V.organic }
        let startedAt = Int64(day) * 86_400 + Self.visitTime(day: day, rng: &rng)
        let sessionID = state.nextSessionID
        state.nextSessionID += 1
        try emitVisit(
            sessionID: sessionID, userID: 0, startedAt: startedAt, device: device, channel: channel,
            returning: false, purchases: false, rng: &rng, state: &state, sink: &sink
        ) { _, _, _, _, _ in }
    }

    /// One visit: the session row, its funnel events (with tracker duplicates), and the order when `purchases`.
    private func emitVisit<Sink: ShopRowSink>(
        sessionID: Int64, userID: Int64, startedAt: Int64, device: Int, channel: Int, returning: Bool, purchases: Bool,
        rng: inout SplitMix64, state: inout RunState, sink: inout Sink,
        order: (Int64, Int64, inout SplitMix64, inout RunState, inout Sink) throws -> Void
    ) throws {
        let day = Int(startedAt / 86_400)
        let campaign = Self.campaign(channel: channel, returning: returning, rng: &rng)
        if campaign >= 0 {
            state.campaignSessions[(day - Self.firstDay) * V.campaigns.count + campaign] += 1
        }
        // How deep into the funnel the visit goes: 0 page view … 4 purchase.
        var depth = 0
        if purchases {
            depth = V.purchase
        } else {
            let known = userID != 0
            if rng.chance(ppm: known ? 640_000 : 520_000) {
                depth = V.productView
                if rng.chance(ppm: known ? 270_000 : 140_000) {
                    depth = V.addToCart
                    if rng.chance(ppm: known ? 450_000 : 200_000) { depth = V.beginCheckout }
                }
            }
        }
        let pageViews = 1 + depth + rng.geometric(successPPM: 300_000, cap: 25)
        let secondsPerPage = Int64(rng.int(in: 15...110))
        // The export ends at the last second of the period: a visit still open then is cut there.
        let endedAt = min(Self.periodEnd - 1, startedAt + Int64(pageViews) * secondsPerPage + Int64(rng.below(30)))
        let landing = rng.pick(Self.landingWeights)
        try sink.session(SessionRow(
            id: sessionID, userID: userID, startedAt: startedAt, endedAt: endedAt, device: device,
            channel: channel, campaign: campaign, landingPage: landing, pageViews: pageViews))

        let product = Int64(rng.pick(state.productPopularity) + 1)
        // A deep link straight to a product page: the tracker often misses the first page view.
        let skipsPageView = depth >= V.productView && landing == V.productLanding && rng.chance(ppm: 200_000)
        var steps: [(type: Int, product: Int64)] = []
        for type in (skipsPageView ? V.productView : V.pageView)...depth {
            steps.append((type, (type == V.productView || type == V.addToCart) ? product : 0))
            guard type == V.productView else { continue }
            if rng.chance(ppm: 80_000) { steps.append((V.productView, product)) }  // back to the same product
            if rng.chance(ppm: 120_000) {  // and a second product of the same category
                let category = Int(product - 1) % V.categories.count
                let inCategory = (59 - category) / V.categories.count + 1
                let own = Int(product - 1) / V.categories.count
                let other = (own + 1 + rng.below(inCategory - 1)) % inCategory
                steps.append((V.productView, Int64(category + other * V.categories.count + 1)))
            }
        }
        let step = max(1, (endedAt - startedAt) / Int64(steps.count + 1))
        var purchaseAt = startedAt
        for (position, planned) in steps.enumerated() {
            let event = EventRow(
                id: state.nextEventID, sessionID: sessionID, userID: userID, type: planned.type,
                productID: planned.product, occurredAt: startedAt + Int64(position) * step)
            if planned.type == V.purchase { purchaseAt = event.occurredAt }
            state.nextEventID += 1
            try sink.event(event)
            if rng.chance(ppm: 20_000) {  // the tracker fires twice
                var duplicate = event
                duplicate.id = state.nextEventID
                state.nextEventID += 1
                try sink.event(duplicate)
            }
        }
        if purchases {
            try order(purchaseAt, product, &rng, &state, &sink)
        }
    }

    static func campaign(channel: Int, returning: Bool, rng: inout SplitMix64) -> Int {
        switch channel {
        case V.paidSearch: rng.chance(ppm: returning ? 750_000 : 350_000) ? 0 : 1
        case V.paidSocial: returning ? 3 : 2
        case V.display: 4
        case V.email: 5
        default: -1
        }
    }

    private func emitOrder<Sink: ShopRowSink>(
        user: inout UserState, sessionID: Int64, at: Int64, firstProduct: Int64,
        rng: inout SplitMix64, state: inout RunState, sink: inout Sink
    ) throws {
        let orderID = state.nextOrderID
        state.nextOrderID += 1
        let lineCount = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3][rng.below(12)]
        var productIDs = [firstProduct]
        while productIDs.count < lineCount {
            let candidate = Int64(rng.pick(state.productPopularity) + 1)
            if !productIDs.contains(candidate) { productIDs.append(candidate) }
        }
        var subtotal: Int64 = 0
        var hasApparel = false
        for productID in productIDs {
            let listPrice = state.productPrices[Int(productID) - 1]
            var price = listPrice
            if rng.chance(ppm: 60_000) {
                // On sale: 10–30% off, ending in 99 cents, always below the list price.
                price = min(listPrice - 100, listPrice * Int64(rng.int(in: 70...90)) / 100 / 100 * 100 + 99)
            } else if productID % 5 == 0 && at < Self.repricedAt {
                // Every fifth product went up by about a tenth on 2025-01-01; earlier lines keep the old price.
                price = listPrice * 90 / 100 / 100 * 100 + 99
            }
            let quantity = Int64([1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3][rng.below(11)])
            subtotal += quantity * price
            hasApparel = hasApparel || state.productCategories[Int(productID) - 1] == V.apparel
            try sink.orderItem(OrderItemRow(orderID: orderID, productID: productID, quantity: quantity, unitPrice: price))
        }
        var coupon = -1
        if user.orders == 0 && rng.chance(ppm: 400_000) {
            coupon = 0
        } else if rng.chance(ppm: 90_000) {
            coupon = rng.chance(ppm: 500_000) ? 1 : 2
        }
        let discount: Int64 = coupon == 0 ? subtotal * 10 / 100 : coupon == 1 ? subtotal * 15 / 100 : 0
        let shipping: Int64 = (subtotal >= 5000 || coupon == 2) ? 0 : 499
        let status: Int
        if rng.chance(ppm: 30_000) {
            status = V.cancelled
        } else if rng.chance(ppm: hasApparel ? 120_000 : 40_000) {
            status = V.refunded
        } else {
            status = V.completed
        }
        try sink.order(OrderRow(
            id: orderID, userID: user.id, sessionID: sessionID, orderedAt: at, status: status,
            subtotal: subtotal, discount: discount, shipping: shipping, total: subtotal - discount + shipping,
            coupon: coupon))
        user.orders += 1

        // Some buyers take a membership after a completed order.
        let end = Int64(Self.firstDay + Self.dayCount) * 86_400
        let startedAt = at + Int64(rng.below(3 * 86_400))
        if status == V.completed && !user.isMember && rng.chance(ppm: 60_000) && startedAt < end {
            user.isMember = true
            let annual = rng.chance(ppm: 300_000)
            let cancelledAt: Int64
            if annual {
                let years = rng.geometric(successPPM: 300_000, cap: 5)
                cancelledAt = startedAt + Int64(years * 365 + rng.int(in: 200...364)) * 86_400 + Int64(rng.below(86_400))
            } else {
                let months = rng.geometric(successPPM: 110_000, cap: 60)
                cancelledAt = startedAt + Int64(months * 30 + rng.int(in: 1...30)) * 86_400 + Int64(rng.below(86_400))
            }
            try sink.membership(MembershipRow(
                id: state.nextMembershipID, userID: user.id, plan: annual ? 1 : 0, price: annual ? 7900 : 999,
                startedAt: startedAt, cancelledAt: cancelledAt < end ? cancelledAt : -1))
            state.nextMembershipID += 1
        }
    }

    private func generateSpend<Sink: ShopRowSink>(state: RunState, sink: inout Sink) throws {
        let campaignCount = V.campaigns.count
        for offset in 0..<Self.dayCount {
            let day = Self.firstDay + offset
            for campaign in 0..<campaignCount {
                var rng = SplitMix64(spec.seed, stream: 3, index: UInt64(offset * campaignCount + campaign))
                if V.campaignChannel[campaign] == "paid_social" && Self.socialPause.contains(day) { continue }
                if campaign == 6 {
                    // Podcast: a weekly sponsorship paid on Mondays; brand reach only, nothing to click.
                    guard day >= Self.podcastStart, CivilTime.weekday(days: day) == 0 else { continue }
                    let downloads = Int64(spec.scale.scaled(38_000)) * Int64(rng.int(in: 90...110)) / 100
                    try sink.spend(SpendRow(
                        day: day, campaign: campaign, impressions: downloads, clicks: 0,
                        spend: Int64(spec.scale.scaled(48_000))))
                    continue
                }
                let sessions = Int64(state.campaignSessions[offset * campaignCount + campaign])
                // Not every click lands as a tracked session.
                var clicks = sessions + sessions * Int64(rng.int(in: 4...16)) / 100
                if clicks == 0 && rng.chance(ppm: 300_000) { clicks = 1 }
                let ctr = Int64(Self.campaignCTR[campaign])
                let baseline = Int64(spec.scale.scaled(200))  // impressions served even on a day with no clicks
                let impressions = max(baseline, clicks * 1_000_000 / ctr * Int64(rng.int(in: 90...110)) / 100)
                let cpc = Int64(Self.campaignCPC[campaign])
                let spend = clicks > 0
                    ? clicks * cpc * Int64(rng.int(in: 85...115)) / 100
                    : impressions * ctr * cpc / 1_000_000
                try sink.spend(SpendRow(day: day, campaign: campaign, impressions: impressions, clicks: clicks, spend: spend))
            }
        }
    }

    // MARK: - Products

    static func makeProducts(seed: UInt64) -> [ProductRow] {
        let adjectives = ["Classic", "Compact", "Deluxe", "Eco", "Everyday", "Pro", "Smart", "Travel", "Ultra", "Vintage"]
        let nouns: [[String]] = [
            ["Headphones", "Speaker", "Charger", "Keyboard", "Webcam", "Smartwatch"],
            ["Lamp", "Blanket", "Kettle", "Mug Set", "Cushion", "Plant Pot"],
            ["Hoodie", "T-Shirt", "Sneakers", "Jacket", "Scarf", "Jeans"],
            ["Face Cream", "Shampoo", "Perfume", "Lip Balm", "Sunscreen"],
            ["Yoga Mat", "Water Bottle", "Dumbbells", "Running Belt", "Tennis Balls"],
            ["Cookbook", "Novel", "Atlas", "Notebook", "Comic"],
            ["Puzzle", "Board Game", "Building Set", "Plush Bear", "Kite"],
        ]
        // Price bands in cents per category: (low, high), and cost as a percent of price.
        let bands = [(1999, 24999), (999, 8999), (1499, 12999), (599, 6999), (799, 9999), (599, 3999), (999, 7999)]
        let costPercent = [(55, 75), (40, 60), (30, 50), (25, 45), (40, 60), (50, 70), (45, 65)]
        var rng = SplitMix64(seed, stream: 0, index: 0)
        var products: [ProductRow] = []
        for index in 0..<60 {
            let category = index % V.categories.count
            let name = adjectives[rng.below(adjectives.count)] + " " + nouns[category][rng.below(nouns[category].count)]
            let (low, high) = bands[category]
            var price = Int64(rng.int(in: low / 100...high / 100) * 100 + 99)
            if index == 8 { price = 5000 }  // exactly the free-shipping threshold
            let cost = price * Int64(rng.int(in: costPercent[category].0...costPercent[category].1)) / 100
            // Names are unique, so that grouping by name never merges two products.
            var unique = name
            var edition = 2
            while products.contains(where: { $0.name == unique }) {
                unique = "\(name) \(["", "", "II", "III", "IV", "V"][min(edition, 5)])"
                edition += 1
            }
            products.append(ProductRow(id: Int64(index + 1), name: unique, category: category, price: price, cost: cost))
        }
        return products
    }
}
