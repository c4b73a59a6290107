import Foundation

/// Makes a plausible journal from a seed, for benchmarks and for tests with a known answer.
///
/// Deterministic: the same seed and parameters give the same entries, uuids included.
public struct SyntheticJournal: Sendable {
    public var years: Double = 10
    public var episodesPerDay: Double = 9.9
    public var caffeinePerDay: Double = 27.4
    public var treatmentsPerDay: Double = 2
    /// Activities logged a day (`spasm activity`), named from the trigger tags, some with a duration.
    public var activitiesPerDay: Double = 3
    public var seed: UInt64 = 1
    /// The last day covered ends here.
    public var end: Date
    public var utcOffset = 3600

    public init(end: Date) { self.end = end }

    /// An ordinary journal rather than a heavy one: about 1.4 episodes, 3.5 drinks and one treatment a day.
    public static func ordinary(end: Date, years: Double) -> SyntheticJournal {
        var journal = SyntheticJournal(end: end)
        journal.years = years
        journal.episodesPerDay = 1.4
        journal.caffeinePerDay = 3.5
        journal.treatmentsPerDay = 1
        return journal
    }

    static let triggers = ["lifting", "desk work", "driving", "poor sleep", "stress", "gardening", "running", "cold draught"]
    static let drinks: [(String, Double)] = [("coffee", 96), ("espresso", 63), ("tea", 48), ("cola", 33)]

    /// Every entry, oldest first.
    public func entries() -> [Entry] {
        var random = SplitMix64(seed: seed)
        let days = Int(years * 365)
        let start = end.timeIntervalSince1970 - Double(days) * 86_400
        var entries: [Entry] = []
        entries.reserveCapacity(Int(Double(days) * (episodesPerDay + caffeinePerDay + treatmentsPerDay + activitiesPerDay)))
        func count(_ perDay: Double) -> Int {
            let whole = Int(perDay)
            return whole + (random.unit() < perDay - Double(whole) ? 1 : 0)
        }
        for day in 0..<days {
            let dayStart = start + Double(day) * 86_400
            var todays: [Entry] = []
            for _ in 0..<count(episodesPerDay) {
                let at = (dayStart + random.unit() * 86_400).rounded(.down)
                let severity = Severity(rawValue: min(10, Int(random.unit() * 6) + Int(random.unit() * 5)))!
                let trigger = Self.triggers[Int(random.next() % UInt64(Self.triggers.count))]
                let region = BodyRegion.allCases[Int(random.next() % UInt64(BodyRegion.allCases.count))]
                // An episode of the last day ends by `end` at the latest: a journal holds no future.
                let ended = random.unit() < 0.9 ? min((at + 600 + random.unit() * 7200).rounded(.down), end.timeIntervalSince1970.rounded(.down)) : nil
                let episode = Episode(region: region, severity: severity, triggers: [trigger],
                                      endedAt: ended.map(Date.init(timeIntervalSince1970:)), endedUTCOffset: ended.map { _ in utcOffset })
                todays.append(entry(at, .episode(episode), &random))
            }
            for _ in 0..<count(caffeinePerDay) {
                let (drink, mg) = Self.drinks[Int(random.next() % UInt64(Self.drinks.count))]
                todays.append(entry(dayStart + random.unit() * 86_400, .caffeine(CaffeineIntake(milligrams: mg, drink: drink)), &random))
            }
            for _ in 0..<count(treatmentsPerDay) {
                let kind = TreatmentKind.allCases[Int(random.next() % UInt64(TreatmentKind.allCases.count))]
                let treatment = Treatment(unchecked: kind, minutes: kind.isMedicine ? nil : 15, relief: Int(random.next() % 11), name: nil)
                todays.append(entry(dayStart + random.unit() * 86_400, .treatment(treatment), &random))
            }
            for _ in 0..<count(activitiesPerDay) {
                let name = Self.triggers[Int(random.next() % UInt64(Self.triggers.count))]
                let minutes = random.unit() < 0.5 ? nil : 15 * (1 + Int(random.next() % 8))
                todays.append(entry(dayStart + random.unit() * 86_400, .activity(Activity(unchecked: name, minutes: minutes)), &random))
            }
            entries += todays.sorted { $0.at < $1.at }
        }
        return entries
    }

    private func entry(_ at: TimeInterval, _ body: Entry.Body, _ random: inout SplitMix64) -> Entry {
        Entry(uuid: random.uuid(), at: Date(timeIntervalSince1970: at.rounded(.down)), utcOffset: utcOffset, body: body)
    }
}

/// A small, fast, seedable generator (Steele, Lea, Flood 2014).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    public mutating func uuid() -> UUID {
        let a = next(), b = next()
        return withUnsafeBytes(of: (a, b)) { raw in
            var bytes = Array(raw)
            bytes[6] = (bytes[6] & 0x0F) | 0x40   // version 4
            bytes[8] = (bytes[8] & 0x3F) | 0x80   // RFC 4122 variant
            return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        }
    }
}
