import Foundation

/// One episode, reduced to what the figures use.
struct EpisodePoint: Sendable {
    var id: EntryID?
    /// Unix seconds of the start.
    var at: Double
    /// Index of its journal day in the totals.
    var day: Int
    /// Hour of the day on the user's clock then (0-23).
    var hour: Int
    var severity: Int
    var triggers: [String]
    var redFlags: [RedFlag]
    var utcOffset: Int
}

/// Per-day sums over a run of journal days, made in one pass over the entries: every figure and
/// every rule starts from here, so a ten-year journal is read once.
struct DailyTotals: Sendable {
    let first: JournalDay
    let last: JournalDay
    /// The instant the totals were made at (unix seconds): later entries are not counted as past.
    let now: Double
    var episodes: [Int]
    var severitySum: [Int]
    /// Episodes at or above the configured severe level.
    var severe: [Int]
    var caffeineMg: [Double]
    var ptSessions: [Int]
    var nsaid: [Bool]
    var muscleRelaxant: [Bool]
    /// Episodes in time order.
    var points: [EpisodePoint] = []
    /// Activities in the order they came (`spasm activity`; not episode tags).
    var activities: [ActivityPoint] = []
    /// Days with an activity logged: they count as recorded time.
    var activityLogged: [Bool]
    /// For each day with any entry, the UTC offsets of its earliest and latest entries: on the day a
    /// clock changes they differ, and the day is 23 or 25 hours long.
    var offsets: [(first: (at: Double, offset: Int), last: (at: Double, offset: Int))?]
    /// Relief ratings by treatment: sum and count.
    var relief: [TreatmentKind: (sum: Int, count: Int)] = [:]
    /// The first day in the period with any entry.
    var firstLogged: JournalDay?
    /// Estimated caffeine in the body at `now` (mg), from every intake before it.
    var caffeineLevelMg = 0.0

    var dayCount: Int { last.dayNumber - first.dayNumber + 1 }

    init(entries: [Entry], first: JournalDay, last: JournalDay, configuration: Configuration, now: Date) {
        self.first = first
        self.last = last
        self.now = now.timeIntervalSince1970
        let count = max(0, last.dayNumber - first.dayNumber + 1)
        episodes = Array(repeating: 0, count: count)
        severitySum = episodes
        severe = episodes
        ptSessions = episodes
        caffeineMg = Array(repeating: 0, count: count)
        nsaid = Array(repeating: false, count: count)
        muscleRelaxant = nsaid
        activityLogged = Array(repeating: false, count: count)
        offsets = Array(repeating: nil, count: count)
        let startHour = configuration.dayStartHour
        let severeLevel = configuration.advice.severeLevel
        let nowSeconds = now.timeIntervalSince1970
        let halfLife = configuration.advice.caffeineHalfLifeHours * 3600
        var firstIndex = Int.max
        var sorted = true
        for entry in entries {
            let day = JournalDay(entry.at, utcOffset: entry.utcOffset, startHour: startHour).dayNumber - first.dayNumber
            guard day >= 0, day < count else { continue }
            firstIndex = min(firstIndex, day)
            let at = entry.at.timeIntervalSince1970
            if let known = offsets[day] {
                if at < known.first.at { offsets[day]!.first = (at, entry.utcOffset) }
                if at > known.last.at { offsets[day]!.last = (at, entry.utcOffset) }
            } else {
                offsets[day] = ((at, entry.utcOffset), (at, entry.utcOffset))
            }
            switch entry.body {
            case .episode(let e):
                episodes[day] += 1
                severitySum[day] += e.severity.rawValue
                if e.severity.rawValue >= severeLevel { severe[day] += 1 }
                let local = (Int(at.rounded(.down)) + entry.utcOffset).floorDivided(by: 86_400).remainder
                if let previous = points.last, previous.at > at { sorted = false }
                points.append(EpisodePoint(id: entry.id, at: at, day: day, hour: local / 3600, severity: e.severity.rawValue,
                                           triggers: e.triggers, redFlags: e.redFlags, utcOffset: entry.utcOffset))
            case .caffeine(let c):
                caffeineMg[day] += c.milligrams
                if at <= nowSeconds { caffeineLevelMg += c.milligrams * pow(0.5, (nowSeconds - at) / halfLife) }
            case .treatment(let t):
                switch t.kind {
                case .pt: ptSessions[day] += 1
                case .nsaid: nsaid[day] = true
                case .muscleRelaxant: muscleRelaxant[day] = true
                default: break
                }
                if let rating = t.relief {
                    let old = relief[t.kind] ?? (0, 0)
                    relief[t.kind] = (old.sum + rating, old.count + 1)
                }
            case .checkin:
                break
            case .activity(let a):
                activities.append(ActivityPoint(name: a.name, start: at, end: a.end(from: at), day: day))
                activityLogged[day] = true
            }
        }
        if !sorted { points.sort { $0.at < $1.at } }
        if firstIndex != .max { firstLogged = day(firstIndex) }
    }

    func day(_ index: Int) -> JournalDay { JournalDay(dayNumber: first.dayNumber + index) }

    /// Where day `index` begins and ends in UTC seconds: from `startHour` at the offset of its
    /// earliest entry to `startHour` the next day at the offset of its latest, the best the
    /// entries tell of a clock change within it (nil for a day with no entry).
    func bounds(ofDay index: Int, startHour: Int) -> (start: Double, end: Double)? {
        guard let known = offsets[index] else { return nil }
        let base = (first.dayNumber + index) * 86_400 + startHour * 3600
        return (Double(base - known.first.offset), Double(base + 86_400 - known.last.offset))
    }

    /// The index of the day `daysBack` before the last one (0: the last day), clamped to the period.
    func index(daysBack: Int) -> Int { max(0, dayCount - 1 - daysBack) }

    /// The sum of `values` over the last `days` days of the period.
    func recent(_ values: [Int], days: Int) -> Int {
        values[index(daysBack: days - 1)...].reduce(0, +)
    }

    /// How many of the last `days` days are true in `values`.
    func recentDays(_ values: [Bool], days: Int) -> Int {
        values[index(daysBack: days - 1)...].reduce(0) { $0 + ($1 ? 1 : 0) }
    }
}
