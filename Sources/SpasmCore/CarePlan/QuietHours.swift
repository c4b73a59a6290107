import Foundation

/// A pause the user asked for (`spasm pause 2h`): non-critical reminders wait as in quiet hours.
public struct PauseWindow: Sendable, Equatable {
    public var from: Date
    public var until: Date

    public init(from: Date = .distantPast, until: Date) {
        self.from = from
        self.until = until
    }

    public func contains(_ instant: Date) -> Bool { from <= instant && instant < until }
}

/// The nightly hours in which only red flags are shown; they may span midnight.
public struct QuietHours: Sendable, Equatable {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    /// Whether `instant` falls inside, by the wall clock in `zone`.
    public func contains(_ instant: Date, in zone: TimeZone) -> Bool {
        let minute = LocalTime.minuteOfDay(of: instant, in: zone)
        if start < end { return start.minuteOfDay <= minute && minute < end.minuteOfDay }
        if start > end { return minute >= start.minuteOfDay || minute < end.minuteOfDay }
        return false
    }

    /// When the quiet hours that contain `instant` end.
    public func end(after instant: Date, in zone: TimeZone) -> Date {
        let day = LocalTime.day(of: instant, in: zone)
        let minute = LocalTime.minuteOfDay(of: instant, in: zone)
        return end.on(day: minute < end.minuteOfDay ? day : day + 1, in: zone)
    }
}

/// Moves reminders out of quiet hours, pauses and the desktop's past holds, or says they are past use.
struct Placement {
    var quiet: QuietHours
    var pause: PauseWindow?
    var zone: TimeZone
    /// Holds the desktop ended (do-not-disturb, a locked screen): what fell due in one moves to its end.
    var holds: [PauseWindow] = []

    /// When a non-critical reminder scheduled at `time` may be shown, such that the `lasting` seconds
    /// after it stay clear of quiet hours and the pause too; nil when that is later than `usefulUntil`.
    /// Moved by a desktop hold alone, it is of use until `usefulAfterHold` instead, when that is later:
    /// such holds are short, and "take the ice off" still matters when the meeting ends.
    func place(_ time: Date, lasting: TimeInterval = 0, usefulUntil: Date, usefulAfterHold: Date? = nil) -> Date? {
        var time = time
        var limit = usefulUntil
        // Each step moves forward to the end of quiet hours, the pause or a hold; a few always settle it.
        for _ in 0..<8 {
            if time > limit { return nil }
            let finish = time.addingTimeInterval(lasting)
            limit = usefulUntil
            if let pause, pause.contains(time) || (lasting > 0 && pause.contains(finish)) {
                time = pause.until
            } else if quiet.contains(time, in: zone) {
                time = quiet.end(after: time, in: zone)
            } else if lasting > 0, quiet.contains(finish, in: zone) {
                time = quiet.end(after: finish, in: zone)
            } else if let hold = holds.first(where: { $0.contains(time) }) {
                time = hold.until
                limit = max(usefulUntil, usefulAfterHold ?? usefulUntil)
            } else {
                return time
            }
        }
        return nil
    }

    /// Whether a reminder at `time` would be held back (a reminder tied to its moment is then missed).
    func holdsBack(_ time: Date) -> Bool {
        (pause?.contains(time) ?? false) || quiet.contains(time, in: zone)
    }
}
