import Foundation

/// The journal's figures over a period ending today: what `spasm stats` draws and the suggestions rest on.
public struct JournalStatistics: Sendable, Equatable, Codable {
    /// The first and last journal day of the period ("2026-11-29"); the last is today.
    public var from: String
    public var through: String
    public var days: Int
    public var episodes: Int
    /// Monday-to-Sunday weeks; the first and last may be partial (`days` says).
    public var weeks: [Week]
    /// Least-squares slope of the weekly mean severity, in points per week (negative: easing);
    /// nil with fewer than two weeks that have episodes.
    public var severityTrendPerWeek: Double?
    public var caffeineDays: [Day]
    public var caffeineTargetMg: Double
    /// Episodes by the hour they started, 0-23, on the user's clock then.
    public var episodesByHour: [Int]
    /// Each activity's episodes per hour in the window after it against the rest of the recorded time.
    public var activities: ActivityRisk
    public var caffeine: CaffeineComparison
    /// Estimated caffeine in the body now (mg), from a half-life model.
    public var caffeineLevelMg: Double
    public var caffeineHalfLifeHours: Double
    /// PT sessions done against the plan over the last complete days; nil when no session is planned.
    public var ptAdherence: PTAdherence?
    /// Mean relief recorded by treatment, best first.
    public var relief: [Relief]

    public struct Week: Sendable, Equatable, Codable {
        /// Its first day in the period.
        public var start: String
        public var days: Int
        public var episodes: Int
        public var meanSeverity: Double?
        public var caffeineMgPerDay: Double
        public var ptPlanned: Int
        public var ptDone: Int
    }

    public struct Day: Sendable, Equatable, Codable {
        public var day: String
        public var caffeineMg: Double
        public var episodes: Int
    }

    public struct Relief: Sendable, Equatable, Codable {
        public var treatment: String
        public var meanRelief: Double
        public var ratings: Int
    }
}

extension JournalStatistics {
    /// The figures from journal day `first` to today.
    ///
    /// - Parameter entries: at least those from the start of `first`; others are ignored.
    public init(entries: [Entry], from first: JournalDay, configuration: Configuration, now: Date, calendar: Calendar) {
        let today = JournalDay.containing(now, calendar: calendar, startHour: configuration.dayStartHour).day
        let totals = DailyTotals(entries: entries, first: min(first, today), last: today, configuration: configuration, now: now)
        self.init(totals: totals, from: 0, configuration: configuration)
    }

    /// The figures from day index `start` of `totals` to its last day.
    init(totals: DailyTotals, from start: Int, configuration: Configuration) {
        let days = start..<totals.dayCount
        let points = start == 0 ? totals.points : totals.points.filter { $0.day >= start }
        from = totals.day(start).description
        through = totals.last.description
        self.days = days.count
        episodes = points.count
        weeks = Self.weeks(totals, days, configuration)
        severityTrendPerWeek = Self.slope(weeks.enumerated().compactMap { index, week in
            week.meanSeverity.map { (Double(index), $0) }
        })
        caffeineDays = days.map { Day(day: totals.day($0).description, caffeineMg: totals.caffeineMg[$0], episodes: totals.episodes[$0]) }
        caffeineTargetMg = configuration.caffeineDailyTargetMg
        var byHour = Array(repeating: 0, count: 24)
        for point in points { byHour[point.hour] += 1 }
        episodesByHour = byHour
        activities = ActivityRisk(totals: totals, from: start, configuration: configuration)
        caffeine = CaffeineComparison(totals: totals, from: start, configuration: configuration)
        caffeineLevelMg = totals.caffeineLevelMg
        caffeineHalfLifeHours = configuration.advice.caffeineHalfLifeHours
        ptAdherence = PTAdherence(totals: totals, configuration: configuration)
        relief = totals.relief.map { kind, sums in
            Relief(treatment: kind.rawValue, meanRelief: Double(sums.sum) / Double(sums.count), ratings: sums.count)
        }.sorted { ($0.meanRelief, $0.ratings, $1.treatment) > ($1.meanRelief, $1.ratings, $0.treatment) }
    }

    private static func weeks(_ totals: DailyTotals, _ days: Range<Int>, _ configuration: Configuration) -> [Week] {
        var weeks: [Week] = []
        var index = days.lowerBound
        while index < days.upperBound {
            // A week ends on a Sunday (weekday 6) or at the end of the period.
            let weekday = PTPlan.weekday(of: totals.day(index))
            let end = min(days.upperBound, index + 7 - weekday)
            var episodes = 0, severity = 0, planned = 0, done = 0
            var caffeine = 0.0
            for day in index..<end {
                episodes += totals.episodes[day]
                severity += totals.severitySum[day]
                caffeine += totals.caffeineMg[day]
                let plan = PTPlan.sessions(on: totals.day(day), configuration: configuration)
                planned += plan
                done += min(plan, totals.ptSessions[day])
            }
            weeks.append(Week(start: totals.day(index).description, days: end - index, episodes: episodes,
                              meanSeverity: episodes > 0 ? Double(severity) / Double(episodes) : nil,
                              caffeineMgPerDay: caffeine / Double(end - index), ptPlanned: planned, ptDone: done))
            index = end
        }
        return weeks
    }

    /// Least-squares slope through the points; nil with fewer than two distinct x.
    static func slope(_ points: [(Double, Double)]) -> Double? {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.0 } / n, meanY = points.reduce(0) { $0 + $1.1 } / n
        let sxx = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
        guard sxx > 0 else { return nil }
        return points.reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) } / sxx
    }
}
