import Foundation

/// Why a time expression could not be used, phrased for the person who typed it.
public struct TimeExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as typed, without surrounding whitespace.
    public var input: String
    /// What is wrong, e.g. "is in the future (it is 09:12 now)".
    public var reason: String
    /// What to type instead, e.g. "yesterday 23:30", when there is an obvious fix.
    public var hint: String?
    /// Set when the text could not be read at all; such errors list examples instead of a reason.
    var expected: Expected?

    enum Expected: Sendable, Equatable {
        case time, start, duration

        var noun: String { self == .time ? "a time" : self == .start ? "a start time" : "a duration" }

        var examples: String {
            switch self {
            case .time: "now, 14:30, 20m ago, 2h ago, yesterday 21:30, monday 08:00 or 2026-11-28T21:30"
            case .start: "all, 14d, 2w, 36h, 1y, yesterday, monday or 2026-01-01"
            case .duration: "15m, 2h, 1h30m, 90min, 45s or 2d"
            }
        }
    }

    init(input: String, reason: String, hint: String? = nil, expected: Expected? = nil) {
        (self.input, self.reason, self.hint, self.expected) = (input, reason, hint, expected)
    }

    static func unreadable(_ input: String, as expected: Expected) -> Self {
        Self(input: input, reason: "cannot be read as \(expected.noun)", expected: expected)
    }

    /// One line for the terminal, e.g. "'23:30' is in the future (it is 09:12 now); did you mean 'yesterday 23:30'?".
    public var description: String {
        if let expected { return "cannot read '\(input)' as \(expected.noun); try \(expected.examples)" }
        guard let hint else { return "'\(input)' \(reason)" }
        return "'\(input)' \(reason); did you mean '\(hint)'?"
    }
}

/// Reads the human time expressions typed on the command line. Pure: the clock (`now`)
/// and the user's calendar and time zone (`calendar.timeZone`) are always passed in.
/// Input is case-insensitive and surrounding whitespace is ignored.
public enum TimeExpression {
    /// The instant a past event happened at. Rejects the future.
    ///
    /// Accepts `now`; `14:30` or `14:30:15` (today); `20m ago`, `1h30m ago`, `2 hours ago`, `3d ago`, `1w ago`;
    /// `today`, `yesterday`, optionally with a time (`yesterday 21:30`); weekday names (`monday`, `mon`,
    /// `last monday`), optionally with a time, meaning the latest such day and time that is not in the future;
    /// ISO 8601 (`2026-11-28`, `2026-11-28T21:30`, `2026-11-28 21:30:15`, with optional `Z`, `+01:00` or `-0500`).
    ///
    /// - A day without a time means 12:00 local on that day, except that a bare `today` (or today's date)
    ///   before noon means now.
    /// - `d` and `w` go back calendar days, so `1d ago` keeps the clock time across a DST change;
    ///   `s`, `m` and `h` go back absolute seconds.
    /// - Times without an offset are local in `calendar.timeZone`. A local time skipped by a DST change
    ///   (e.g. 02:30 on a spring-forward day) moves forward by the gap, as `Calendar.date(from:)` does;
    ///   a repeated one (fall back) takes the earlier instant.
    public static func past(_ text: String, now: Date, calendar: Calendar) throws(TimeExpressionError) -> Date {
        let input = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let expr = Expr.parse(input.lowercased()) else {
            if Span(input.lowercased()) != nil {
                throw TimeExpressionError(input: input, reason: "is a duration, not a time", hint: "\(input) ago")
            }
            throw .unreadable(input, as: .time)
        }
        return try resolve(expr, input: input, as: .time, now: now, calendar: calendar)
    }

    /// The start of a look-back window: a duration back from now ("14d", "2w", "36h", "1y", "90d")
    /// or a time/date as accepted by `past` ("2026-01-01", "monday", "yesterday").
    ///
    /// `all` means `Date.distantPast`. `d`/`w`/`y` go back calendar days/years (same clock time), `h`/`min`/`s`
    /// absolute seconds. A bare `m` is rejected because it could mean minutes or months. Unlike `past`,
    /// a day without a time means the start of that day, so `--since monday` includes all of Monday.
    public static func since(_ text: String, now: Date, calendar: Calendar) throws(TimeExpressionError) -> Date {
        let input = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = input.lowercased()
        if lower == "all" { return .distantPast }
        if let terms = Span.terms(lower), terms.contains(where: { $0.unit == "m" }) {
            throw TimeExpressionError(input: input, reason: "is ambiguous (minutes or months?); use 30d or 4w")
        }
        if let span = Span(lower), let start = span.back(from: now, calendar: calendar) { return start }
        guard let expr = Expr.parse(lower) else { throw .unreadable(input, as: .start) }
        return try resolve(expr, input: input, as: .start, now: now, calendar: calendar)
    }

    /// A duration such as "15m", "2h", "1h30m", "90min", "45s", "2d" in seconds (for pause, snooze).
    /// Zero or negative is an error.
    ///
    /// Days and weeks count as 86 400 and 604 800 seconds here; years are not accepted.
    public static func duration(_ text: String) throws(TimeExpressionError) -> TimeInterval {
        let input = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let span = Span(input.lowercased(), allowYears: false) else { throw .unreadable(input, as: .duration) }
        let seconds = span.seconds + Double(span.days) * 86_400
        guard seconds > 0 else { throw TimeExpressionError(input: input, reason: "is not longer than zero") }
        return seconds
    }

    private static func resolve(
        _ expr: Expr, input: String, as expected: TimeExpressionError.Expected, now: Date, calendar: Calendar
    ) throws(TimeExpressionError) -> Date {
        let resolved: Date?
        switch expr {
        case .now: resolved = now
        case .ago(let span): resolved = span.back(from: now, calendar: calendar)
        case .instant(let date): resolved = date
        case .day(let day, let clock):
            resolved = resolveDay(day, clock, startOfDay: expected == .start, now: now, calendar: calendar)
        }
        // Only calendar arithmetic far out of range (e.g. "999999y ago") gets here.
        guard let date = resolved else { throw .unreadable(input, as: expected) }
        if case .day(_, let clock?) = expr {
            // A clock time in the hour skipped when clocks go forward (02:30 on a spring change in
            // Europe/Berlin) does not exist; the calendar would silently move it an hour on.
            let seen = CivilTime(date, in: calendar.timeZone)
            if seen.hour != clock.hour || seen.minute != clock.minute {
                throw TimeExpressionError(input: input, reason: "does not exist on \(seen.date): the clocks went forward over that time",
                                          hint: "\(seen.date) \(seen.clock)")
            }
        }
        guard date <= now else { throw futureError(expr, input: input, now: now, calendar: calendar) }
        return date
    }

    private static func resolveDay(
        _ day: Day, _ clock: Clock?, startOfDay: Bool, now: Date, calendar: Calendar
    ) -> Date? {
        func pinned(to anchor: Date) -> Date? {
            if let clock { return calendar.date(clock, onDayOf: anchor) }
            if startOfDay { return calendar.startOfDay(for: anchor) }
            return calendar.date(.noon, onDayOf: anchor)
        }
        // Anchors are noons: noon exists on every day, so day arithmetic never lands in a DST gap.
        guard let todayNoon = calendar.date(.noon, onDayOf: now) else { return nil }
        switch day {
        case .relative(let offset):
            guard let anchor = calendar.date(byAdding: .day, value: offset, to: todayNoon) else { return nil }
            return pinned(to: anchor).map { offset == 0 && clock == nil ? min($0, now) : $0 }
        case .weekday(let weekday):
            for back in 0...7 {
                guard let anchor = calendar.date(byAdding: .day, value: -back, to: todayNoon),
                      let date = pinned(to: anchor) else { return nil }
                if calendar.component(.weekday, from: anchor) == weekday, date <= now { return date }
            }
            return nil
        case .date(let ymd):
            guard let anchor = ymd.at(.noon, in: calendar.timeZone) else { return nil }
            let isToday = calendar.isDate(anchor, inSameDayAs: now)
            return pinned(to: anchor).map { isToday && clock == nil ? min($0, now) : $0 }
        }
    }

    private static func futureError(_ expr: Expr, input: String, now: Date, calendar: Calendar) -> TimeExpressionError {
        var gregorian = Calendar(identifier: .gregorian)  // ISO-style stamp even for other calendars
        gregorian.timeZone = calendar.timeZone
        let parts = gregorian.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        let time = Clock(hour: parts.hour ?? 0, minute: parts.minute ?? 0).text
        // A clock time later today was almost certainly meant for last night.
        if case .day(.relative(0), let clock?) = expr {
            return TimeExpressionError(
                input: input, reason: "is in the future (it is \(time) now)", hint: "yesterday \(clock.text)")
        }
        let date = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return TimeExpressionError(input: input, reason: "is in the future (it is \(date) \(time) now)")
    }
}

// MARK: - Syntax

/// What the text names, before it is pinned to the calendar.
private enum Expr {
    case now
    case ago(Span)
    case day(Day, Clock?)
    case instant(Date)  // ISO 8601 with an explicit offset

    static func parse(_ text: String) -> Expr? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return nil }
        if words == ["now"] { return .now }
        if words.count > 1, words.last == "ago" {
            return Span(words.dropLast().joined(separator: " ")).map(Expr.ago)
        }
        if let offset = ["today": 0, "yesterday": -1][first] { return day(.relative(offset), words.dropFirst()) }
        if first == "last" {  // "last monday" means the same as "monday"
            guard words.count > 1, let weekday = weekdays[words[1]] else { return nil }
            return day(.weekday(weekday), words.dropFirst(2))
        }
        if let weekday = weekdays[first] { return day(.weekday(weekday), words.dropFirst()) }
        if let iso = iso(words) { return iso }
        if words.count == 1, let clock = Clock(first) { return .day(.relative(0), clock) }
        return nil
    }

    private static func day(_ day: Day, _ rest: ArraySlice<String>) -> Expr? {
        guard let time = rest.first else { return .day(day, nil) }
        guard rest.count == 1, let clock = Clock(time) else { return nil }
        return .day(day, clock)
    }

    /// Calendar weekday numbers (1 = Sunday) by full and short name.
    private static let weekdays: [String: Int] = [
        "sunday": 1, "sun": 1, "monday": 2, "mon": 2, "tuesday": 3, "tue": 3, "tues": 3,
        "wednesday": 4, "wed": 4, "thursday": 5, "thu": 5, "thur": 5, "thurs": 5,
        "friday": 6, "fri": 6, "saturday": 7, "sat": 7,
    ]

    /// `2026-11-28`, `2026-11-28t21:30[:15]` or the same with a space, optionally ending in `z` or `±hh[:mm]`.
    private static func iso(_ words: [String]) -> Expr? {
        guard words.count <= 2 else { return nil }
        let parts = words.joined(separator: "t").split(separator: "t", maxSplits: 1, omittingEmptySubsequences: false)
        guard let date = YMD(parts[0]) else { return nil }
        guard parts.count == 2 else { return .day(.date(date), nil) }
        var time = parts[1], offset: Int?
        if time.hasSuffix("z") {
            (time, offset) = (time.dropLast(), 0)
        } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let seconds = utcOffset(time[sign...]) else { return nil }
            (time, offset) = (time[..<sign], seconds)
        }
        guard let clock = Clock(time) else { return nil }
        guard let offset else { return .day(.date(date), clock) }
        // The wall time read as UTC, then shifted by the offset.
        guard let wallAsUTC = date.at(clock, in: TimeZone(identifier: "UTC")!) else { return nil }
        return .instant(wallAsUTC.addingTimeInterval(-Double(offset)))
    }

    /// `+01:00`, `-0500` or `+01` in seconds east of UTC.
    private static func utcOffset(_ text: Substring) -> Int? {
        let sign = text.first == "-" ? -1 : 1
        var body = text.dropFirst()
        if body.count == 5, body.dropFirst(2).first == ":" { body = body.prefix(2) + body.suffix(2) }
        guard body.count == 2 || body.count == 4,
              let hours = number(body.prefix(2), digits: 2...2, in: 0...23),
              let minutes = body.count == 4 ? number(body.suffix(2), digits: 2...2, in: 0...59) : 0
        else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}

private enum Day {
    case relative(Int)  // 0 today, -1 yesterday
    case weekday(Int)
    case date(YMD)
}

/// A wall-clock time; `H:MM`, `HH:MM` or `HH:MM:SS`, 00:00 to 23:59:59.
private struct Clock {
    var hour: Int, minute: Int, second = 0
    static let noon = Clock(hour: 12, minute: 0)
}

extension Clock {
    init?<S: StringProtocol>(_ text: S) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              let hour = number(parts[0], digits: 1...2, in: 0...23),
              let minute = number(parts[1], digits: 2...2, in: 0...59),
              let second = parts.count == 3 ? number(parts[2], digits: 2...2, in: 0...59) : 0
        else { return nil }
        self.init(hour: hour, minute: minute, second: second)
    }

    var text: String { String(format: second == 0 ? "%02d:%02d" : "%02d:%02d:%02d", hour, minute, second) }
}

/// A proleptic Gregorian calendar date as written in ISO 8601, range-checked.
private struct YMD {
    var year: Int, month: Int, day: Int

    init?(_ text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let year = number(parts[0], digits: 4...4, in: 1...9999),
              let month = number(parts[1], digits: 2...2, in: 1...12)
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard let day = number(parts[2], digits: 2...2, in: 1...lengths[month - 1]) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Gregorian even if the user's calendar is not, because ISO dates are.
    func at(_ clock: Clock, in zone: TimeZone) -> Date? {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = zone
        return gregorian.date(from: DateComponents(
            year: year, month: month, day: day, hour: clock.hour, minute: clock.minute, second: clock.second))
    }
}

/// An amount of time such as "1h30m" or "2 weeks": calendar years and days plus absolute seconds.
private struct Span {
    var years = 0, days = 0
    var seconds = 0.0

    private enum Unit { case seconds(Double), days(Int), years }

    private static let units: [String: Unit] = {
        let table: [([String], Unit)] = [
            (["s", "sec", "secs", "second", "seconds"], .seconds(1)),
            (["m", "min", "mins", "minute", "minutes"], .seconds(60)),
            (["h", "hr", "hrs", "hour", "hours"], .seconds(3600)),
            (["d", "day", "days"], .days(1)),
            (["w", "wk", "wks", "week", "weeks"], .days(7)),
            (["y", "yr", "yrs", "year", "years"], .years),
        ]
        return Dictionary(uniqueKeysWithValues: table.flatMap { names, unit in names.map { ($0, unit) } })
    }()

    init?(_ text: String, allowYears: Bool = true) {
        guard let terms = Self.terms(text) else { return nil }
        for (amount, unit) in terms {
            switch Self.units[unit] {
            case .seconds(let size)?: seconds += Double(amount) * size
            case .days(let size)?: days += amount * size
            case .years? where allowYears: years += amount
            default: return nil
            }
        }
    }

    /// Splits "1h30m" or "90 min" into number-unit pairs; nil unless the whole text is such pairs.
    /// Amounts are capped at six digits so the arithmetic cannot overflow.
    static func terms(_ text: String) -> [(amount: Int, unit: String)]? {
        var terms: [(amount: Int, unit: String)] = []
        var rest = Substring(text).drop(while: \.isWhitespace)
        while !rest.isEmpty {
            let digits = rest.prefix(while: isDigit)
            rest = rest.dropFirst(digits.count).drop(while: \.isWhitespace)
            let unit = rest.prefix(while: \.isLetter)
            rest = rest.dropFirst(unit.count).drop(while: \.isWhitespace)
            guard (1...6).contains(digits.count), !unit.isEmpty, let amount = Int(digits) else { return nil }
            terms.append((amount, String(unit)))
        }
        return terms.isEmpty ? nil : terms
    }

    func back(from now: Date, calendar: Calendar) -> Date? {
        calendar.date(byAdding: DateComponents(year: -years, day: -days), to: now)?.addingTimeInterval(-seconds)
    }
}

// MARK: - Helpers

private extension Calendar {
    /// `clock` on the local day that contains `day`.
    func date(_ clock: Clock, onDayOf day: Date) -> Date? {
        var parts = dateComponents([.era, .year, .month, .day], from: day)
        (parts.hour, parts.minute, parts.second) = (clock.hour, clock.minute, clock.second)
        return date(from: parts)
    }
}

private func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

/// An unsigned decimal with a digit count in `digits` and a value in `range`, else nil.
private func number<S: StringProtocol>(_ text: S, digits: ClosedRange<Int>, in range: ClosedRange<Int>) -> Int? {
    guard digits.contains(text.count), text.allSatisfy(isDigit), let value = Int(text), range.contains(value)
    else { return nil }
    return value
}
