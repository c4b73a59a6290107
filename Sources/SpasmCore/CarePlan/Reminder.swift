import Foundation

/// A reminder's identity, derived from its cause ("ice-on:<episode uuid>:2", "pt:2026-03-29T08:00"),
/// so planning the same journal again names the same reminders.
public typealias ReminderID = String

/// What a reminder asks the user to do.
public enum ReminderKind: String, Sendable, Codable, CaseIterable {
    case iceOn = "ice-on"
    case iceOff = "ice-off"
    case heatOn = "heat-on"
    case heatOff = "heat-off"
    case supineRest = "supine-rest"
    case ptRoutine = "pt-routine"
    case caffeineNudge = "caffeine"
    case redFlag = "red-flag"
    /// The weekly PEG check-in (`spasm checkin`).
    case checkin
    /// "Better / Same / Worse" after a session ended.
    case relief
}

/// How insistently the desktop should show a reminder.
public enum ReminderUrgency: String, Sendable, Codable, Comparable, CaseIterable {
    /// Nudges: caffeine, the relief question.
    case low
    /// Treatment and routine reminders.
    case normal
    /// A red flag: shown at once, whatever the hour, quiet hours and pause included.
    case critical

    public static func < (a: ReminderUrgency, b: ReminderUrgency) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One reminder the care plan holds.
public struct Reminder: Sendable, Equatable, Identifiable {
    public var id: ReminderID
    public var kind: ReminderKind
    /// When it is to be shown: its scheduled time moved past quiet hours, a pause or a snooze.
    public var due: Date
    /// When its cause asked for it, before any move.
    public var scheduled: Date
    public var urgency: ReminderUrgency
    public var title: String
    public var body: String
    /// Why it exists, for `spasm reminders` ("session 2 today, lower-back episode of 09:12").
    public var reason: String
    /// Where it stands: planned, shown, snoozed or undelivered (done, skipped and missed ones are over).
    public var state: ReminderState

    public init(id: ReminderID, kind: ReminderKind, due: Date, scheduled: Date, urgency: ReminderUrgency,
                title: String, body: String, reason: String, state: ReminderState = .planned) {
        self.id = id
        self.kind = kind
        self.due = due
        self.scheduled = scheduled
        self.urgency = urgency
        self.title = title
        self.body = body
        self.reason = reason
        self.state = state
    }
}
