import Foundation

/// When the physical-therapy routine is due, as configured under `[pt]`.
public struct PTSchedule: Sendable, Equatable {
    /// Minutes after midnight, ascending.
    public var minutesOfDay: [Int]
    /// 0 = Sunday … 6 = Saturday, as `CivilTime.weekday`.
    public var weekdays: Set<Int>

    public init(_ configuration: Configuration) {
        minutesOfDay = configuration.ptTimes.compactMap(Self.minuteOfDay).sorted()
        weekdays = Set(configuration.ptWeekdays.compactMap(Self.weekdayNumber))
    }

    public init(minutesOfDay: [Int], weekdays: Set<Int>) {
        self.minutesOfDay = minutesOfDay.sorted()
        self.weekdays = weekdays
    }

    /// Sessions due on a weekday.
    public func sessions(onWeekday weekday: Int) -> Int { weekdays.contains(weekday) ? minutesOfDay.count : 0 }

    public static let weekdayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// "mon" → 1; nil for anything else.
    public static func weekdayNumber(_ text: String) -> Int? { weekdayKeys.firstIndex(of: text.lowercased()) }

    /// "08:00" → 480; nil unless it is a 24-hour HH:MM clock time.
    public static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return hour * 60 + minute
    }
}
