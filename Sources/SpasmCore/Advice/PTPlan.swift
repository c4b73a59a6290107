/// The planned physical-therapy sessions (`[pt] times` and `weekdays`), as adherence counts them.
public enum PTPlan {
    /// Weekday names as written in the settings, Monday first.
    public static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Minutes after midnight of "08:00" or "8:00"; nil for anything else.
    public static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    /// 0 = Monday … 6 = Sunday, for the calendar date of a journal day.
    public static func weekday(of day: JournalDay) -> Int {
        (day.dayNumber + 3).floorDivided(by: 7).remainder   // 1970-01-01 was a Thursday
    }

    /// How many sessions the plan holds on a journal day.
    public static func sessions(on day: JournalDay, configuration: Configuration) -> Int {
        configuration.ptWeekdays.contains(weekdayNames[weekday(of: day)]) ? configuration.ptTimes.count : 0
    }
}
