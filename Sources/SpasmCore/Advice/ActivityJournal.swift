import Foundation

/// Synthetic journals with a known answer for the activity comparison: activities at random times,
/// and episodes from a Poisson process whose rate is `rateRatio` times higher within the window after
/// the risky activity (or the same everywhere when there is none).
///
/// Like a real user, it leaves some days unlogged: activities still happen on them (the risky one
/// still raises the rate) but none is recorded, so counting those days as "did nothing" would bias
/// the comparison. Deterministic from the seed; the number of days (90-120) and of activities (6-8)
/// come from it too. Entries fill the journal days before `today`.
public struct ActivityJournal: Sendable {
    public var seed: UInt64
    /// The activity that raises the rate, or nil for a journal with no relation.
    public var risky: String?
    /// The true rate ratio within `windowHours` after the risky activity began (or while it lasted).
    public var rateRatio = 3.0
    public var windowHours = 2.0
    /// Episodes a day outside any risky window.
    public var baselinePerDay = 1.0
    /// Share of days on which the user logged nothing.
    public var unloggedShare = 0.15
    /// Only episode tags (each episode tagged with the activities in the window before it), no activities logged.
    public var tagsOnly = false
    public var today: JournalDay
    public var utcOffset = 3600
    public var dayStartHour = 4

    public init(seed: UInt64, risky: String?, today: JournalDay) {
        self.seed = seed
        self.risky = risky
        self.today = today
    }

    public static let names = ["lifting", "desk work", "driving", "gardening", "running", "housework", "cycling", "swimming"]

    /// How many days and which activities this seed uses.
    public var shape: (days: Int, activities: [String]) {
        var random = SplitMix64(seed: seed ^ 0xA5A5_A5A5)
        let days = 90 + Int(random.next() % 31)
        var names = Self.names.filter { $0 != risky }
        let count = 6 + Int(random.next() % 3)
        for i in names.indices.reversed() { names.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        let chosen = Array((risky.map { [$0] } ?? []) + names.prefix(count - (risky == nil ? 0 : 1)))
        return (days, chosen)
    }

    /// Every entry, oldest first.
    public func entries() -> [Entry] {
        var random = SplitMix64(seed: seed)
        let (days, names) = shape
        let window = windowHours * 3600
        var entries: [Entry] = []
        var riskyWindows: [(start: Double, end: Double)] = []
        var done: [(name: String, start: Double, end: Double)] = []
        let first = today.dayNumber - days
        for day in first..<today.dayNumber {
            let dayStart = Double(day * 86_400 + dayStartHour * 3600 - utcOffset)
            let logged = random.unit() >= unloggedShare
            for name in names {
                // The risky activity about three times in two days, the others about every other day.
                let rate = name == risky ? 1.5 : 0.45
                for _ in 0..<PatternedJournal.poisson(rate, &random) {
                    // Whole minutes, so a test can recount the time minute by minute.
                    let start = ((dayStart + 2 * 3600 + random.unit() * 16 * 3600) / 60).rounded(.down) * 60
                    let minutes = random.unit() < 0.5 ? nil : 15 * (1 + Int(random.next() % 8))
                    let end = start + Double(minutes ?? 0) * 60
                    done.append((name, start, end))
                    if name == risky { riskyWindows.append((start, end + window)) }
                    if logged && !tagsOnly {
                        entries.append(Entry(uuid: random.uuid(), at: Date(timeIntervalSince1970: start), utcOffset: utcOffset,
                                             body: .activity(Activity(unchecked: name, minutes: minutes))))
                    }
                }
            }
        }
        riskyWindows.sort { $0.start < $1.start }
        // Episodes by thinning: candidates at the highest rate, each kept with its share of it.
        let base = baselinePerDay / 86_400, top = base * max(1, rateRatio)
        var t = Double(first * 86_400 + dayStartHour * 3600 - utcOffset)
        let end = Double(today.dayNumber * 86_400 + dayStartHour * 3600 - utcOffset)
        while true {
            t += -log(1 - random.unit()) / top
            guard t < end else { break }
            let inWindow = riskyWindows.contains { $0.start <= t && t <= $0.end }
            let rate = inWindow ? base * rateRatio : base
            guard random.unit() < rate / top else { continue }
            let at = t.rounded(.down)
            let tags = tagsOnly ? Array(Set(done.filter { $0.start <= at && at <= $0.end + window }.map(\.name))).sorted() : []
            let episode = Episode(region: .lowerBack, severity: Severity(rawValue: 3 + Int(random.next() % 5))!, triggers: tags)
            entries.append(Entry(uuid: random.uuid(), at: Date(timeIntervalSince1970: at), utcOffset: utcOffset, body: .episode(episode)))
        }
        return entries.sorted { $0.at < $1.at }
    }
}
