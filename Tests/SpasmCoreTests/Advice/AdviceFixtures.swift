import Foundation
@testable import SpasmCore

/// A fixed clock for advice tests: journal day 2026-11-29 in a zone at UTC+1, now 20:00 local.
enum Clock {
    static let offset = 3600
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset)!
        return calendar
    }()
    static let today = JournalDay(dayNumber: CivilTime.days(year: 2026, month: 11, day: 29))
    static let now = at(daysBack: 0, hour: 20)

    /// `hour` o'clock local on the journal day `daysBack` before today (hours below 4 belong to the next date).
    static func at(daysBack: Int, hour: Int = 12, minute: Int = 0) -> Date {
        Date(timeIntervalSince1970: Double((today.dayNumber - daysBack) * 86_400 + hour * 3600 + minute * 60 - offset))
    }
}

/// Entries written the way a test reads: `journal.episode(daysBack: 3, severity: 7)`.
struct JournalBuilder {
    private(set) var entries: [Entry] = []
    private var nextID: EntryID = 1

    mutating func add(_ at: Date, _ body: Entry.Body) {
        entries.append(Entry(id: nextID, at: at, utcOffset: Clock.offset, body: body))
        nextID += 1
    }

    mutating func episode(daysBack: Int, hour: Int = 12, severity: Int = 5, triggers: [String] = [], redFlags: [RedFlag] = []) {
        add(Clock.at(daysBack: daysBack, hour: hour),
            .episode(Episode(region: .lowerBack, severity: Severity(rawValue: severity)!, triggers: triggers, redFlags: redFlags)))
    }

    mutating func treatment(_ kind: TreatmentKind, daysBack: Int, hour: Int = 9, relief: Int? = nil) {
        add(Clock.at(daysBack: daysBack, hour: hour), .treatment(Treatment(unchecked: kind, minutes: nil, relief: relief, name: nil)))
    }

    mutating func caffeine(_ mg: Double, daysBack: Int, hour: Int = 8) {
        add(Clock.at(daysBack: daysBack, hour: hour), .caffeine(CaffeineIntake(milligrams: mg)))
    }
}

extension Configuration {
    /// The defaults with advice settings changed by `change`.
    static func with(_ change: (inout AdviceSettings) -> Void) -> Configuration {
        var configuration = Configuration.defaults
        change(&configuration.advice)
        return configuration
    }
}

func advise(_ entries: [Entry], _ configuration: Configuration = .defaults, acknowledged: Set<EntryID> = []) -> [Advice] {
    Advisor(configuration: configuration).advice(entries: entries, acknowledgedRedFlags: acknowledged, now: Clock.now, calendar: Clock.calendar)
}

extension [Advice] {
    func first(_ rule: Advice.Rule) -> Advice? { first { $0.rule == rule } }
    var rules: [Advice.Rule] { map(\.rule) }
}
