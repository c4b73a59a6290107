import Foundation
import SpasmCore

/// What a clinician reads first: how often, how bad, after which activities, what helped, over one period.
///
/// Pure arithmetic over entries. `entries` may also hold episodes from before the period: they count
/// only towards `redFlags`, which lists every red flag ever reported.
public struct PeriodSummary: Sendable {
    public var period: ExportPeriod
    /// The hour a journal day starts at: entries before it count for the day before.
    public var dayStartHour: Int
    public var episodeCount = 0
    /// Episodes per 7 days over the period.
    public var episodesPerWeek: Double { Double(episodeCount) / Double(period.days) * 7 }
    public var severityMean: Double?
    public var severityWorst: Severity?
    public var weeks: [Week] = []
    /// Regions by episode count, most first.
    public var regions: [(region: BodyRegion, count: Int)] = []
    /// Each activity's episodes within its window against the rest of the recorded time, over the
    /// period; nil until the caller, who holds the settings, works it out.
    public var activities: ActivityRisk?
    public var treatments: [TreatmentUse] = []
    /// Journal days with at least one NSAID, muscle relaxant or other medicine entry.
    public var medicationDays: [TreatmentKind: Int] = [:]
    /// Caffeine per day over the whole period (mg), nil with no caffeine logged.
    public var caffeineDailyMeanMg: Double?
    /// Caffeine per day in the first and second half of the period (mg), for the trend.
    public var caffeineHalvesMg: (first: Double, second: Double)?
    /// PT sessions logged against those due by the `[pt]` schedule; nil when nothing was due.
    public var ptAdherence: (logged: Int, due: Int)?
    /// Every red flag ever reported, most recent report first.
    public var redFlags: [RedFlagReport] = []
    /// PEG check-ins in the period, oldest first: the function measured weekly.
    public var checkins: [(date: String, score: Double)] = []
    /// The period of equal length just before this one, for "12.1 in the 90 days before"; nil when
    /// nothing was logged before the period.
    public var previous: Comparison?
    /// Entries inside the period, oldest first.
    public var entries: [Entry] = []

    /// Severity bands for the weekly chart: 0-3 mild, 4-6 moderate, 7-10 severe (a common reading of
    /// the numeric rating scale; product choice).
    public enum Band: Int, Sendable, CaseIterable {
        case mild, moderate, severe
        public init(_ severity: Severity) {
            self = severity.rawValue >= 7 ? .severe : severity.rawValue >= 4 ? .moderate : .mild
        }
        public var label: String {
            switch self {
            case .mild: "mild (0-3)"
            case .moderate: "moderate (4-6)"
            case .severe: "severe (7-10)"
            }
        }
    }

    /// Seven days of the period, from its start.
    public struct Week: Sendable {
        /// The date the week starts ("2026-01-05").
        public var start: String
        /// Episodes in each band, indexed by `Band.rawValue`.
        public var episodes: [Int] = [0, 0, 0]
        public var total: Int { episodes.reduce(0, +) }
        /// The mean PEG score of the week's check-ins, nil without one.
        public var peg: Double? { pegCount > 0 ? pegTotal / Double(pegCount) : nil }
        var pegTotal = 0.0, pegCount = 0
    }

    /// One kind of treatment: how often, and the relief the user rated.
    public struct TreatmentUse: Sendable {
        public var kind: TreatmentKind
        public var count: Int
        public var reliefMean: Double?
        public var reliefRatings: Int
    }

    public struct RedFlagReport: Sendable {
        public var flag: RedFlag
        public var times: Int
        /// How many of the `times` reports the user has acknowledged (`spasm suggest --ack`).
        public var acknowledged = 0
        /// "2026-01-05", the most recent report.
        public var last: String
        public var first: String
    }

    /// The period of equal length before the summarised one, as far as the journal covers it.
    public struct Comparison: Sendable {
        /// Days of that period the journal covers: fewer than the period's when logging began inside it.
        public var days: Int
        public var episodeCount: Int
        public var episodesPerWeek: Double { Double(episodeCount) / Double(days) * 7 }
        public var severityMean: Double?
    }

    /// `acknowledged` holds the uuids of episodes whose red flags the user has acknowledged.
    public init(entries all: [Entry], period: ExportPeriod, dayStartHour: Int, pt: PTSchedule, acknowledged: Set<UUID> = []) {
        self.period = period
        self.dayStartHour = dayStartHour
        entries = all.filter { period.contains($0.at) }
        previous = Self.comparison(all, period: period)
        let weekCount = max(1, (period.days + 6) / 7)
        weeks = (0..<weekCount).map { Week(start: CivilTime(period.start.addingTimeInterval(Double($0 * 7 * 86_400)), utcOffset: period.utcOffset).date) }

        var severityTotal = 0
        var regionCounts: [BodyRegion: Int] = [:]
        var treatmentCounts: [TreatmentKind: (count: Int, relief: Int, rated: Int)] = [:]
        var medicineDays: [TreatmentKind: Set<Int>] = [:]
        var ptByDay: [Int: Int] = [:]
        var caffeine = (total: 0.0, first: 0.0, second: 0.0, any: false)
        let middle = period.start.addingTimeInterval(period.end.timeIntervalSince(period.start) / 2)
        for entry in entries {
            switch entry.body {
            case .episode(let e):
                episodeCount += 1
                severityTotal += e.severity.rawValue
                severityWorst = max(severityWorst ?? e.severity, e.severity)
                regionCounts[e.region, default: 0] += 1
                let week = min(weeks.count - 1, max(0, Int(entry.at.timeIntervalSince(period.start) / (7 * 86_400))))
                weeks[week].episodes[Band(e.severity).rawValue] += 1
            case .caffeine(let c):
                caffeine.any = true
                caffeine.total += c.milligrams
                if entry.at < middle { caffeine.first += c.milligrams } else { caffeine.second += c.milligrams }
            case .treatment(let t):
                var use = treatmentCounts[t.kind] ?? (0, 0, 0)
                use.count += 1
                if let relief = t.relief { use.relief += relief; use.rated += 1 }
                treatmentCounts[t.kind] = use
                let day = JournalDay(entry.at, utcOffset: entry.utcOffset, startHour: dayStartHour).dayNumber
                if t.kind.isMedicine { medicineDays[t.kind, default: []].insert(day) }
                if t.kind == .pt { ptByDay[day, default: 0] += 1 }
            case .checkin(let p):
                checkins.append((CivilTime(entry.at, utcOffset: entry.utcOffset).date, p.score))
                let week = min(weeks.count - 1, max(0, Int(entry.at.timeIntervalSince(period.start) / (7 * 86_400))))
                weeks[week].pegTotal += p.score
                weeks[week].pegCount += 1
            case .activity:
                break
            }
        }
        if episodeCount > 0 { severityMean = Double(severityTotal) / Double(episodeCount) }
        regions = regionCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }.map { ($0.key, $0.value) }
        treatments = TreatmentKind.allCases.compactMap { kind in
            guard let use = treatmentCounts[kind] else { return nil }
            return TreatmentUse(kind: kind, count: use.count, reliefMean: use.rated > 0 ? Double(use.relief) / Double(use.rated) : nil,
                                reliefRatings: use.rated)
        }
        medicationDays = medicineDays.mapValues(\.count)
        if caffeine.any {
            let days = Double(period.days)
            caffeineDailyMeanMg = caffeine.total / days
            caffeineHalvesMg = (caffeine.first / (days / 2), caffeine.second / (days / 2))
        }
        ptAdherence = Self.adherence(period: period, dayStartHour: dayStartHour, pt: pt, loggedByDay: ptByDay)
        redFlags = Self.redFlags(all, acknowledged: acknowledged)
    }

    /// Episodes in the stretch of `period`'s length that ends where it starts; it begins no earlier than
    /// the first entry, so a journal started a month ago is not compared with three empty months.
    static func comparison(_ all: [Entry], period: ExportPeriod) -> Comparison? {
        let length = period.end.timeIntervalSince(period.start)
        let before = all.lazy.filter { $0.at < period.start }
        guard let first = before.map(\.at).min() else { return nil }
        let start = max(period.start.addingTimeInterval(-length), first)
        var count = 0, severity = 0
        for entry in before where entry.at >= start {
            guard let episode = entry.episode else { continue }
            count += 1
            severity += episode.severity.rawValue
        }
        let days = max(1, Int((period.start.timeIntervalSince(start) / 86_400).rounded(.up)))
        return Comparison(days: min(days, period.days), episodeCount: count,
                          severityMean: count > 0 ? Double(severity) / Double(count) : nil)
    }

    /// Sessions due on each journal day of the period, against those logged that day (extra ones do not
    /// make up for a missed day).
    static func adherence(period: ExportPeriod, dayStartHour: Int, pt: PTSchedule, loggedByDay: [Int: Int]) -> (Int, Int)? {
        // The period's first date, even when it starts before that date's journal day does (at midnight).
        let first = JournalDay(period.start, utcOffset: period.utcOffset, startHour: 0).dayNumber
        let last = JournalDay(period.lastSecond, utcOffset: period.endUTCOffset, startHour: dayStartHour).dayNumber
        guard last >= first else { return nil }
        var due = 0, logged = 0
        for day in first...last {
            let weekday = (day + 4).quotientAndRemainder(dividingBy: 7).remainder
            let sessions = pt.sessions(onWeekday: weekday < 0 ? weekday + 7 : weekday)
            due += sessions
            logged += min(sessions, loggedByDay[day] ?? 0)
        }
        return due > 0 ? (logged, due) : nil
    }

    static func redFlags(_ entries: [Entry], acknowledged: Set<UUID>) -> [RedFlagReport] {
        var reports: [RedFlag: RedFlagReport] = [:]
        for entry in entries {
            guard let episode = entry.episode, !episode.redFlags.isEmpty else { continue }
            let date = CivilTime(entry.at, utcOffset: entry.utcOffset).date
            let seen = acknowledged.contains(entry.uuid) ? 1 : 0
            for flag in episode.redFlags {
                if var report = reports[flag] {
                    report.acknowledged += seen
                    report.times += 1
                    report.first = min(report.first, date)
                    report.last = max(report.last, date)
                    reports[flag] = report
                } else {
                    reports[flag] = RedFlagReport(flag: flag, times: 1, acknowledged: seen, last: date, first: date)
                }
            }
        }
        return reports.values.sorted { $0.last != $1.last ? $0.last > $1.last : $0.flag.rawValue < $1.flag.rawValue }
    }
}

extension PeriodSummary {
    /// "rising", "falling" or "steady" (within 10 %, a product choice), comparing the period's halves.
    public var caffeineTrend: String? {
        guard let halves = caffeineHalvesMg else { return nil }
        let base = max(halves.first, 1)
        let change = (halves.second - halves.first) / base
        return change > 0.1 ? "rising" : change < -0.1 ? "falling" : "steady"
    }

    /// Medication days in a fixed order: NSAIDs, muscle relaxants, other medicines.
    public var medicationDayList: [(kind: TreatmentKind, days: Int)] {
        [TreatmentKind.nsaid, .muscleRelaxant, .medication].map { ($0, medicationDays[$0] ?? 0) }
    }
}

extension TreatmentKind {
    /// The treatment in words for reports: "ice", "supine rest", "NSAID".
    public var label: String {
        switch self {
        case .ice: "ice"
        case .heat: "heat"
        case .supineRest: "supine rest"
        case .pt: "PT exercises"
        case .nsaid: "NSAID"
        case .muscleRelaxant: "muscle relaxant"
        case .medication: "other medicine"
        }
    }
}
