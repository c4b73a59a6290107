import Foundation

/// A journal day: from the configured start hour to the same hour the next day, in local time.
public struct JournalDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 of the day's calendar date.
    public var dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// The day an entry counts for, from its instant and the UTC offset stored with it.
    public init(_ instant: Date, utcOffset: Int, startHour: Int) {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + utcOffset - startHour * 3600
        dayNumber = local.floorDivided(by: 86_400).quotient
    }

    /// The day `now` falls in, and when that day starts and ends, in the calendar's zone.
    public static func containing(_ now: Date, calendar: Calendar, startHour: Int) -> (day: JournalDay, interval: DateInterval) {
        let offset = calendar.timeZone.secondsFromGMT(for: now)
        let day = JournalDay(now, utcOffset: offset, startHour: startHour)
        return (day, DateInterval(start: day.start(in: calendar, startHour: startHour),
                                  end: JournalDay(dayNumber: day.dayNumber + 1).start(in: calendar, startHour: startHour)))
    }

    /// The instant the day starts (the start hour on its date, in the calendar's zone).
    public func start(in calendar: Calendar, startHour: Int) -> Date {
        let (y, m, d) = CivilTime.civil(fromDays: dayNumber)
        let components = DateComponents(year: y, month: m, day: d, hour: startHour)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(dayNumber * 86_400 + startHour * 3600))
    }

    /// "2026-11-29"
    public var description: String {
        CivilTime(Date(timeIntervalSince1970: Double(dayNumber * 86_400)), utcOffset: 0).date
    }

    public static func < (a: JournalDay, b: JournalDay) -> Bool { a.dayNumber < b.dayNumber }
}
