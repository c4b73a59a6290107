import Foundation
import Testing
@testable import SpasmCore

private func calendar(_ zone: String) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: zone)!
    return calendar
}

private let berlin = calendar("Europe/Berlin")
private let newYork = calendar("America/New_York")

/// A wall-clock time in `calendar`'s zone.
private func local(_ calendar: Calendar, _ year: Int, _ month: Int, _ day: Int,
                   _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
    calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
}

/// Sunday 2026-11-29 09:12 in Berlin.
private let now = local(berlin, 2026, 11, 29, 9, 12)

private func past(_ text: String, at now: Date = now, in calendar: Calendar = berlin) throws -> Date {
    try TimeExpression.past(text, now: now, calendar: calendar)
}

private func pastError(_ text: String, at now: Date = now, in calendar: Calendar = berlin) -> TimeExpressionError? {
    do throws(TimeExpressionError) {
        _ = try TimeExpression.past(text, now: now, calendar: calendar)
        return nil
    } catch { return error }
}

private func sinceError(_ text: String, at now: Date = now) -> TimeExpressionError? {
    do throws(TimeExpressionError) {
        _ = try TimeExpression.since(text, now: now, calendar: berlin)
        return nil
    } catch { return error }
}

@Suite struct PastTests {
    @Test func nowIsNow() throws {
        #expect(try past("now") == now)
        #expect(try past("  NOW ") == now)
    }

    @Test(arguments: [
        ("08:05", 8, 5, 0), ("8:05", 8, 5, 0), ("08:05:30", 8, 5, 30), ("00:00", 0, 0, 0), ("09:12", 9, 12, 0),
    ])
    func clockTimeIsToday(text: String, hour: Int, minute: Int, second: Int) throws {
        #expect(try past(text) == local(berlin, 2026, 11, 29, hour, minute, second))
    }

    @Test func laterClockTimeIsFutureWithHint() {
        let error = pastError("09:13")
        #expect(error?.reason == "is in the future (it is 09:12 now)")
        #expect(error?.hint == "yesterday 09:13")
        #expect(error?.description == "'09:13' is in the future (it is 09:12 now); did you mean 'yesterday 09:13'?")
        #expect(pastError("today 23:30")?.hint == "yesterday 23:30")
    }

    @Test func midnightEdge() throws {
        let justAfterMidnight = local(berlin, 2026, 11, 29, 0, 10)
        let error = pastError("23:30", at: justAfterMidnight)
        #expect(error?.description == "'23:30' is in the future (it is 00:10 now); did you mean 'yesterday 23:30'?")
        #expect(try past("yesterday 23:30", at: justAfterMidnight) == local(berlin, 2026, 11, 28, 23, 30))
        #expect(try past("20m ago", at: justAfterMidnight) == local(berlin, 2026, 11, 28, 23, 50))
        #expect(try past("today", at: justAfterMidnight) == justAfterMidnight)
    }

    @Test(arguments: [
        ("20m ago", 1200.0), ("2h ago", 7200), ("1h30m ago", 5400), ("1h 30m ago", 5400), ("90 min ago", 5400),
        ("45 minutes ago", 2700), ("2 hours ago", 7200), ("1 hr ago", 3600), ("45s ago", 45), ("10 sec ago", 10),
        ("1 second ago", 1), ("0m ago", 0), ("2H AGO", 7200), ("  2h ago  ", 7200),
    ])
    func relativeSecondsAreAbsolute(text: String, seconds: Double) throws {
        #expect(try past(text) == now.addingTimeInterval(-seconds))
    }

    @Test(arguments: [
        ("3d ago", 26), ("1 day ago", 28), ("2 days ago", 27), ("1w ago", 22), ("2 weeks ago", 15),
    ])
    func relativeDaysAreCalendarDays(text: String, day: Int) throws {
        #expect(try past(text) == local(berlin, 2026, 11, day, 9, 12))
    }

    @Test func dstChangeDays() throws {
        // Berlin springs forward on 2026-03-29: that day has 23 hours.
        let springNoon = local(berlin, 2026, 3, 29, 12)
        let dayAgo = try past("1d ago", at: springNoon)
        #expect(dayAgo == local(berlin, 2026, 3, 28, 12))
        #expect(springNoon.timeIntervalSince(dayAgo) == 23 * 3600)
        #expect(try past("24h ago", at: springNoon) == local(berlin, 2026, 3, 28, 11))

        // 02:30 does not exist on 2026-03-29: refused, naming 03:30, the time the calendar would
        // have moved it to, instead of storing that silently.
        for (text, at) in [("yesterday 02:30", local(berlin, 2026, 3, 30, 9)), ("2026-03-29 02:30", springNoon)] {
            #expect { try past(text, at: at) } throws: { error in
                let error = error as? TimeExpressionError
                return error?.reason.contains("does not exist on 2026-03-29") == true && error?.hint == "2026-03-29 03:30"
            }
        }
        // 03:30 that day exists (CEST, 01:30 UTC), and 02:30 on the autumn change is the first of two.
        #expect(try past("2026-03-29 03:30", at: springNoon) == Date(timeIntervalSince1970: 1_774_747_800))
        #expect(try past("2026-10-25 02:30", at: local(berlin, 2026, 11, 1, 12)) != nil)

        // New York falls back on 2026-11-01: that day has 25 hours.
        let fallNoon = local(newYork, 2026, 11, 1, 12)
        let nyDayAgo = try past("1d ago", at: fallNoon, in: newYork)
        #expect(nyDayAgo == local(newYork, 2026, 10, 31, 12))
        #expect(fallNoon.timeIntervalSince(nyDayAgo) == 25 * 3600)
    }

    @Test func todayAndYesterday() throws {
        let afternoon = local(berlin, 2026, 11, 29, 15)
        #expect(try past("today") == now)  // noon has not come yet
        #expect(try past("today", at: afternoon) == local(berlin, 2026, 11, 29, 12))
        #expect(try past("today 08:00") == local(berlin, 2026, 11, 29, 8))
        #expect(try past("yesterday") == local(berlin, 2026, 11, 28, 12))
        #expect(try past("Yesterday 21:30") == local(berlin, 2026, 11, 28, 21, 30))
        #expect(try past("yesterday 23:59:59") == local(berlin, 2026, 11, 28, 23, 59, 59))
    }

    @Test(arguments: [
        ("monday", 23), ("mon", 23), ("last monday", 23), ("tuesday", 24), ("tue", 24), ("tues", 24),
        ("wednesday", 25), ("wed", 25), ("thursday", 26), ("thu", 26), ("thur", 26), ("thurs", 26),
        ("friday", 27), ("fri", 27), ("saturday", 28), ("sat", 28), ("FRI", 27),
    ])
    func weekdayMeansLatestSuchDayAtNoon(text: String, day: Int) throws {
        #expect(try past(text) == local(berlin, 2026, 11, day, 12))
    }

    @Test func weekdayTodayVersusLastWeek() throws {
        // `now` is a Sunday at 09:12.
        #expect(try past("sunday 08:00") == local(berlin, 2026, 11, 29, 8))
        #expect(try past("sun 10:00") == local(berlin, 2026, 11, 22, 10))
        #expect(try past("sunday") == local(berlin, 2026, 11, 22, 12))  // noon today is still ahead
        #expect(try past("last sun 09:12") == now)
        #expect(try past("mon 08:00") == local(berlin, 2026, 11, 23, 8))
        #expect(try past("saturday 23:30") == local(berlin, 2026, 11, 28, 23, 30))
    }

    @Test func isoLocalTimes() throws {
        #expect(try past("2026-11-28") == local(berlin, 2026, 11, 28, 12))
        #expect(try past("2026-11-29") == now)  // today before noon
        #expect(try past("2026-11-28T21:30") == local(berlin, 2026, 11, 28, 21, 30))
        #expect(try past("2026-11-28 21:30") == local(berlin, 2026, 11, 28, 21, 30))
        #expect(try past("2026-11-28t21:30:15") == local(berlin, 2026, 11, 28, 21, 30, 15))
        #expect(try past("2024-02-29") == local(berlin, 2024, 2, 29, 12))
        #expect(try past("2026-11-28T21:30", in: newYork) == local(newYork, 2026, 11, 28, 21, 30))
    }

    @Test func isoWithOffsets() throws {
        let utc = calendar("UTC")
        #expect(try past("2026-11-28T21:30Z") == local(utc, 2026, 11, 28, 21, 30))
        #expect(try past("2026-11-28T21:30:15z") == local(utc, 2026, 11, 28, 21, 30, 15))
        #expect(try past("2026-11-28T21:30+01:00") == local(utc, 2026, 11, 28, 20, 30))
        #expect(try past("2026-11-28 21:30-0500") == local(utc, 2026, 11, 29, 2, 30))
        #expect(try past("2026-11-28T21:30+05") == local(utc, 2026, 11, 28, 16, 30))
    }

    @Test func isoFutureErrors() {
        let error = pastError("2026-11-29T10:00")
        #expect(error?.reason == "is in the future (it is 2026-11-29 09:12 now)")
        #expect(error?.hint == nil)
        #expect(error?.description == "'2026-11-29T10:00' is in the future (it is 2026-11-29 09:12 now)")
        #expect(pastError("2026-11-30") != nil)
        #expect(pastError("2026-11-29T09:12:01") != nil)
        #expect(pastError("2026-11-29T08:12:01Z") != nil)
        let nyError = pastError("23:30", at: local(newYork, 2026, 11, 29, 7, 5), in: newYork)
        #expect(nyError?.description == "'23:30' is in the future (it is 07:05 now); did you mean 'yesterday 23:30'?")
    }

    @Test(arguments: [
        "", "  ", "25:00", "24:00", "12:60", "12:5", "1:2", "12:00:60", "seven", "2h from now", "in 2h", "ago",
        "-2h ago", "1.5h ago", "1 2h ago", "2x ago", "today 25:00", "yesterday 21:30 extra", "last", "last 14:30",
        "monday 7", "tomorrow", "2026-13-01", "2026-02-30", "2026-02-29", "2026-00-10", "2026-1-5", "26-11-28",
        "2026-11-28T", "2026-11-28T25:00", "2026-11-28T21:30+25:00", "2026-11-28X21:30", "2026-11-28 21:30 z",
    ])
    func malformed(text: String) {
        let error = pastError(text)
        #expect(error?.input == text.trimmingCharacters(in: .whitespaces))
        #expect(error?.description.hasPrefix("cannot read '") == true)
    }

    @Test func malformedMessage() {
        #expect(pastError(" seven ")?.description == "cannot read 'seven' as a time; try now, 14:30, 20m ago, "
            + "2h ago, yesterday 21:30, monday 08:00 or 2026-11-28T21:30")
    }

    @Test func bareDurationSuggestsAgo() {
        let error = pastError("2h")
        #expect(error?.hint == "2h ago")
        #expect(error?.description == "'2h' is a duration, not a time; did you mean '2h ago'?")
    }
}

@Suite struct SinceTests {
    private func since(_ text: String, at now: Date = now) throws -> Date {
        try TimeExpression.since(text, now: now, calendar: berlin)
    }

    @Test func durations() throws {
        #expect(try since("14d") == local(berlin, 2026, 11, 15, 9, 12))
        #expect(try since("90d") == local(berlin, 2026, 8, 31, 9, 12))
        #expect(try since("2w") == local(berlin, 2026, 11, 15, 9, 12))
        #expect(try since("3 days") == local(berlin, 2026, 11, 26, 9, 12))
        #expect(try since("36h") == now.addingTimeInterval(-36 * 3600))
        #expect(try since("30min") == now.addingTimeInterval(-1800))
        #expect(try since("1y") == local(berlin, 2025, 11, 29, 9, 12))
        #expect(try since(" ALL ") == .distantPast)
    }

    @Test func daysGoBackAcrossDst() throws {
        let april = local(berlin, 2026, 4, 5, 12)
        #expect(try since("14d", at: april) == local(berlin, 2026, 3, 22, 12))
        #expect(try since("1d", at: local(berlin, 2026, 3, 29, 12)) == local(berlin, 2026, 3, 28, 12))
    }

    @Test func daysStartAtMidnight() throws {
        #expect(try since("2026-01-01") == local(berlin, 2026, 1, 1))
        #expect(try since("yesterday") == local(berlin, 2026, 11, 28))
        #expect(try since("today") == local(berlin, 2026, 11, 29))
        #expect(try since("monday") == local(berlin, 2026, 11, 23))
        #expect(try since("sunday") == local(berlin, 2026, 11, 29))  // midnight today has passed
        #expect(try since("2026-01-01T08:00") == local(berlin, 2026, 1, 1, 8))
        #expect(try since("2h ago") == now.addingTimeInterval(-7200))
        #expect(try since("yesterday 21:30") == local(berlin, 2026, 11, 28, 21, 30))
    }

    @Test func minutesOrMonthsIsAmbiguous() {
        let error = sinceError("3m")
        #expect(error?.reason == "is ambiguous (minutes or months?); use 30d or 4w")
        #expect(error?.description == "'3m' is ambiguous (minutes or months?); use 30d or 4w")
    }

    @Test func errors() {
        #expect(sinceError("2026-12-01")?.reason == "is in the future (it is 2026-11-29 09:12 now)")
        #expect(sinceError("23:30", at: local(berlin, 2026, 11, 29, 0, 10))?.hint == "yesterday 23:30")
        #expect(sinceError("forever")?.description
            == "cannot read 'forever' as a start time; try all, 14d, 2w, 36h, 1y, yesterday, monday or 2026-01-01")
        #expect(sinceError("")?.expected == .start)
        #expect(sinceError("2026-02-30")?.expected == .start)
    }
}

@Suite struct DurationTests {
    @Test(arguments: [
        ("15m", 900.0), ("2h", 7200), ("1h30m", 5400), ("90min", 5400), ("90 min", 5400), ("45s", 45),
        ("2d", 172_800), ("1w", 604_800), ("2 hours", 7200), ("1H 30M", 5400), (" 10 minutes ", 600),
    ])
    func valid(text: String, seconds: Double) throws {
        #expect(try TimeExpression.duration(text) == seconds)
    }

    @Test(arguments: ["", "5", "abc", "-5m", "1y", "5m ago", "1.5h", "m5"])
    func malformed(text: String) {
        #expect(throws: TimeExpressionError.unreadable(text, as: .duration)) { try TimeExpression.duration(text) }
    }

    @Test func zeroIsRejected() {
        #expect(throws: TimeExpressionError(input: "0m", reason: "is not longer than zero")) {
            try TimeExpression.duration("0m")
        }
        #expect(throws: TimeExpressionError.self) { try TimeExpression.duration("0h0m") }
    }
}
