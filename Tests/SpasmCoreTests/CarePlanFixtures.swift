import Foundation
@testable import SpasmCore

/// A calendar in a named zone, as the daemon passes it.
func zonedCalendar(_ zone: String) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: zone)!
    return calendar
}

let berlinCalendar = zonedCalendar("Europe/Berlin")

/// A wall-clock time in Berlin.
func berlin(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
    berlinCalendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
}

/// The wall-clock "HH:MM" of an instant in Berlin.
func berlinClock(_ instant: Date) -> String {
    let parts = berlinCalendar.dateComponents([.hour, .minute], from: instant)
    return TimeOfDay(hour: parts.hour!, minute: parts.minute!)!.description
}

func episode(_ at: Date, uuid: String = "00000000-0000-4000-8000-000000000001", region: BodyRegion = .lowerBack,
             ended: Date? = nil, redFlags: [RedFlag] = []) -> Entry {
    let offset = berlinCalendar.timeZone.secondsFromGMT(for: at)
    return Entry(uuid: UUID(uuidString: uuid)!, at: at, utcOffset: offset,
                 body: .episode(Episode(region: region, severity: Severity(rawValue: 6)!, redFlags: redFlags,
                                        endedAt: ended, endedUTCOffset: ended.map { _ in offset })))
}

func treatment(_ kind: TreatmentKind, _ at: Date, minutes: Int? = nil) -> Entry {
    Entry(uuid: UUID(), at: at, utcOffset: berlinCalendar.timeZone.secondsFromGMT(for: at),
          body: .treatment(Treatment(unchecked: kind, minutes: minutes, relief: nil, name: nil)))
}

func coffee(_ at: Date, mg: Double = 96) -> Entry {
    Entry(uuid: UUID(), at: at, utcOffset: berlinCalendar.timeZone.secondsFromGMT(for: at),
          body: .caffeine(CaffeineIntake(milligrams: mg, drink: "coffee")))
}

/// Episode 1's reminder ids.
let episodeKey = "00000000-0000-4000-8000-000000000001"
func iceOn(_ n: Int) -> ReminderID { "ice-on:\(episodeKey):\(n)" }
func iceOff(_ n: Int) -> ReminderID { "ice-off:\(episodeKey):\(n)" }

/// Settings without PT reminders, so a test sees only what it is about.
func carePlanSettings(_ change: (inout Configuration) -> Void = { _ in }) -> Configuration {
    var configuration = Configuration()
    configuration.pt.weekdays = []
    change(&configuration)
    return configuration
}

func plan(_ entries: [Entry], records: [ReminderRecord] = [], _ configuration: Configuration = carePlanSettings(),
          pause: PauseWindow? = nil, desktop: DesktopHolds = DesktopHolds(), at now: Date,
          calendar: Calendar = berlinCalendar) -> CarePlan {
    CarePlanner.plan(entries: entries, records: records, configuration: configuration, pause: pause, desktop: desktop,
                     now: now, calendar: calendar)
}

extension CarePlan {
    func reminder(_ id: ReminderID) -> Reminder? { reminders.first { $0.id == id } }
    var ids: [ReminderID] { reminders.map(\.id) }
    func ids(_ kind: ReminderKind) -> [ReminderID] { reminders.filter { $0.kind == kind }.map(\.id) }
}
