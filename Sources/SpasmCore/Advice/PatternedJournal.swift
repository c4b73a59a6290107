import Foundation

/// Synthetic journals with a known answer, for testing the caffeine rule: caffeine drives the episodes,
/// or nothing is related (`ActivityJournal` does the same for activities).
///
/// Deterministic from the seed. Entries fill the complete journal days before `today`.
public struct PatternedJournal: Sendable {
    public enum Pattern: Sendable, Equatable {
        /// About half the days are above the caffeine target; they have about 4 times the episodes.
        case caffeineDriven
        /// The same caffeine as `caffeineDriven`; episodes at one rate whatever the caffeine.
        case noRelation
    }

    public var pattern: Pattern
    public var seed: UInt64
    public var days = 90
    /// The day after the last one filled.
    public var today: JournalDay
    public var utcOffset = 3600
    public var dayStartHour = 4

    public init(_ pattern: Pattern, seed: UInt64, today: JournalDay) {
        self.pattern = pattern
        self.seed = seed
        self.today = today
    }

    static let decoys = ["stress", "driving", "poor sleep", "running"]

    /// Every entry, oldest first.
    public func entries() -> [Entry] {
        var random = SplitMix64(seed: seed)
        var entries: [Entry] = []
        for day in (today.dayNumber - days)..<today.dayNumber {
            let dayStart = Double(day * 86_400 + dayStartHour * 3600 - utcOffset)
            // Between one hour and 19 hours after the day starts: inside the journal day.
            func moment() -> Double { (dayStart + 3600 + random.unit() * 18 * 3600).rounded(.down) }
            let high = random.unit() < 0.5
            for _ in 0..<(high ? 3 + Int(random.next() % 3) : Int(random.next() % 2)) {
                entries.append(entry(moment(), .caffeine(CaffeineIntake(milligrams: 96, drink: "coffee")), &random))
            }
            let rate = pattern == .noRelation ? 0.9 : high ? 1.6 : 0.4
            for _ in 0..<Self.poisson(rate, &random) {
                let tag = Self.decoys[Int(random.next() % UInt64(Self.decoys.count))]
                entries.append(entry(moment(), episode(severity: 3 + Int(random.next() % 5), triggers: [tag]), &random))
            }
        }
        return entries.sorted { $0.at < $1.at }
    }

    private func episode(severity: Int, triggers: [String]) -> Entry.Body {
        .episode(Episode(region: .lowerBack, severity: Severity(rawValue: severity)!, triggers: triggers))
    }

    private func entry(_ at: Double, _ body: Entry.Body, _ random: inout SplitMix64) -> Entry {
        Entry(id: nil, uuid: random.uuid(), at: Date(timeIntervalSince1970: at), utcOffset: utcOffset, body: body)
    }

    /// A Poisson count (Knuth's method; fine for small rates).
    static func poisson(_ rate: Double, _ random: inout SplitMix64) -> Int {
        let limit = exp(-rate)
        var count = 0, product = random.unit()
        while product > limit {
            count += 1
            product *= random.unit()
        }
        return count
    }
}
