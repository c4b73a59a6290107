import Foundation

/// A wall-clock reading: an instant seen at a UTC offset, broken into calendar fields.
///
/// Pure arithmetic on the offset stored with each entry (the clock time the user saw then), so
/// formatting a ten-year history needs neither ICU nor time-zone lookups.
public struct CivilTime: Sendable, Equatable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int
    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int
    public var utcOffset: Int

    /// The wall clock in `zone` at `instant`, with the zone's offset then.
    public init(_ instant: Date, in zone: TimeZone) {
        self.init(instant, utcOffset: zone.secondsFromGMT(for: instant))
    }

    public init(_ instant: Date, utcOffset: Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + utcOffset
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        (year, month, day) = CivilTime.civil(fromDays: days)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        weekday = (days + 4).floorDivided(by: 7).remainder   // 1970-01-01 was a Thursday
        self.utcOffset = utcOffset
    }

    /// Days since 1970-01-01 of the calendar date (H. Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "2026-11-29T09:12:00+01:00"
    public var iso8601: String {
        "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))\(offsetText)"
    }

    /// "2026-11-29"
    public var date: String { "\(pad(year, 4))-\(pad(month))-\(pad(day))" }

    /// "09:12"
    public var clock: String { "\(pad(hour)):\(pad(minute))" }

    /// "Sun 29 Nov 09:12", for tables.
    public var short: String {
        "\(CivilTime.weekdayNames[weekday]) \(pad(day)) \(CivilTime.monthNames[month - 1]) \(clock)"
    }

    var offsetText: String {
        if utcOffset == 0 { return "Z" }
        let sign = utcOffset < 0 ? "-" : "+"
        let magnitude = abs(utcOffset)
        return "\(sign)\(pad(magnitude / 3600)):\(pad(magnitude % 3600 / 60))"
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension Int {
    /// Quotient and non-negative remainder, for times before 1970 and negative offsets.
    func floorDivided(by divisor: Int) -> (quotient: Int, remainder: Int) {
        let q = self / divisor, r = self % divisor
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}
