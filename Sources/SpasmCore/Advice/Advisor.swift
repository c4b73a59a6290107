import Foundation

/// Reads the journal and says what to change and when to get help, most urgent first.
///
/// Pure: the entries, the settings, `now` and the calendar are all it sees. Every rule states its
/// minimum sample and says what it needs instead of guessing when the journal holds less.
public struct Advisor: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) { self.configuration = configuration }

    var settings: AdviceSettings { configuration.advice }

    /// How many journal days, ending today, the rules read: pass at least the entries from the start
    /// of the first (`historyStart`).
    public var historyDays: Int {
        max(settings.windowDays, settings.notImprovingWeeks * 7 + settings.episodeFreeGapDays + 1,
            settings.frequentWeeks * 7, settings.severeWindowDays, settings.nsaidWindowDays,
            settings.muscleRelaxantWindowDays, settings.ptAdherenceDays + 1)
    }

    /// The instant the history the rules read begins.
    public func historyStart(now: Date, calendar: Calendar) -> Date {
        let today = JournalDay.containing(now, calendar: calendar, startHour: configuration.dayStartHour).day
        return JournalDay(dayNumber: today.dayNumber - historyDays + 1).start(in: calendar, startHour: configuration.dayStartHour)
    }

    /// The suggestions, most urgent first.
    ///
    /// - Parameters:
    ///   - entries: at least those since `historyStart(now:calendar:)`; older ones are ignored.
    ///   - acknowledgedRedFlags: episodes whose red flags the user has acknowledged; they are not repeated.
    public func advice(entries: [Entry], acknowledgedRedFlags: Set<EntryID> = [], now: Date, calendar: Calendar) -> [Advice] {
        let today = JournalDay.containing(now, calendar: calendar, startHour: configuration.dayStartHour).day
        let totals = DailyTotals(entries: entries, first: JournalDay(dayNumber: today.dayNumber - historyDays + 1),
                                 last: today, configuration: configuration, now: now)
        let window = AdviceWindow(advisor: self, totals: totals)
        var advice: [Advice] = []
        advice += window.redFlags(acknowledged: acknowledgedRedFlags)
        advice += [window.notImproving(), window.frequent(), window.severe(), window.nsaid(), window.muscleRelaxant()].compactMap { $0 }
        advice += window.modifications()
        advice += window.helps()
        advice += window.dataNeeded()
        // Stable: rules of one kind keep the order above.
        return advice.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
    }

    /// The figures the suggestions rest on: the advice window, ending today.
    public func statistics(entries: [Entry], now: Date, calendar: Calendar) -> JournalStatistics {
        let today = JournalDay.containing(now, calendar: calendar, startHour: configuration.dayStartHour).day
        return JournalStatistics(entries: entries, from: JournalDay(dayNumber: today.dayNumber - settings.windowDays + 1),
                                 configuration: configuration, now: now, calendar: calendar)
    }
}

/// The totals the rules read, and the statistics of the advice window.
struct AdviceWindow {
    let advisor: Advisor
    let totals: DailyTotals
    let statistics: JournalStatistics
    /// Index of the window's first day in `totals`.
    let start: Int

    init(advisor: Advisor, totals: DailyTotals) {
        self.advisor = advisor
        self.totals = totals
        start = totals.index(daysBack: advisor.settings.windowDays - 1)
        statistics = JournalStatistics(totals: totals, from: start, configuration: advisor.configuration)
    }

    var settings: AdviceSettings { advisor.settings }
    var configuration: Configuration { advisor.configuration }

    /// Who to see: the user's own contact when set.
    var specialist: String {
        settings.specialistContact.isEmpty ? "an orthopedic spine specialist or physiotherapist" : settings.specialistContact
    }
}

/// Numbers as the suggestions print them.
enum AdviceText {
    /// "2.5", "3"
    static func decimal(_ value: Double, places: Int = 1) -> String {
        let text = String(format: "%.\(places)f", value)
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// "65%"
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// "1 day", "3 days"
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
