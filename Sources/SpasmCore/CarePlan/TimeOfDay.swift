import Foundation

/// A wall-clock time of day written "HH:MM" (07:30, 22:00), as in quiet hours and PT times.
///
/// Reminders set for a time of day keep it across DST changes: 08:00 is 08:00 on the 23-hour and
/// the 25-hour day alike.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Reads "07:30" or "7:30"; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// Minutes since midnight.
    public var minuteOfDay: Int { hour * 60 + minute }

    /// "07:30"
    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minuteOfDay < b.minuteOfDay }

    /// The instant this time has on a local date (days since 1970-01-01) in `zone`.
    ///
    /// A time skipped by a spring-forward change moves forward by the gap (02:30 becomes 03:30);
    /// a time that happens twice in autumn resolves to one of the two, always the same one.
    /// The first time this time of day comes after `instant` ("pause until 18:00": today or tomorrow).
    public func next(after instant: Date, in zone: TimeZone) -> Date {
        let today = LocalTime.day(of: instant, in: zone)
        let candidate = on(day: today, in: zone)
        return candidate > instant ? candidate : on(day: today + 1, in: zone)
    }

    public func on(day: Int, in zone: TimeZone) -> Date {
        let wall = Double(day * 86_400 + minuteOfDay * 60)
        let guess = wall - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall)))
        return Date(timeIntervalSince1970: wall - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }
}

/// A day of the week as written in the settings ("mon" … "sun").
public enum Weekday: String, Sendable, Codable, CaseIterable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Reads "mon", "Monday", "MON".
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard key.count >= 3, let day = Weekday.allCases.first(where: { key.hasPrefix($0.rawValue) }),
              Weekday.fullNames[day]!.hasPrefix(key) else { return nil }
        self = day
    }

    static let fullNames: [Weekday: String] = [
        .mon: "monday", .tue: "tuesday", .wed: "wednesday", .thu: "thursday", .fri: "friday", .sat: "saturday", .sun: "sunday",
    ]

    /// The weekday of a local date (days since 1970-01-01, a Thursday).
    public init(day: Int) {
        self = Weekday.allCases[(day + 3).floorDivided(by: 7).remainder]
    }
}

/// Local dates and times of day in a zone, without ICU calendar arithmetic.
enum LocalTime {
    /// The local date (days since 1970-01-01) that contains `instant`.
    static func day(of instant: Date, in zone: TimeZone) -> Int {
        (Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)).floorDivided(by: 86_400).quotient
    }

    /// Minutes since local midnight at `instant`.
    static func minuteOfDay(of instant: Date, in zone: TimeZone) -> Int {
        (Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)).floorDivided(by: 86_400).remainder / 60
    }
}
