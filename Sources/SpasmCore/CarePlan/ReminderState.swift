import Foundation

/// Where a reminder stands. Kept in the journal per reminder id, so a restart continues where it stopped.
public enum ReminderState: Sendable, Equatable, Hashable, Codable {
    /// Expected; not shown yet.
    case planned
    /// On the desktop, waiting for Done, Snooze or Skip.
    case shown
    /// The user did it (for "ice on": put the ice on) at the record's time.
    case done
    /// Put off until then.
    case snoozed(until: Date)
    /// The user chose not to; the plan drops it.
    case skipped
    /// It fell due while it could not be shown (quiet hours, asleep, switched off) and is past use.
    case missed
    /// No notification server took it; it is retried until it is shown or missed.
    case undelivered

    /// Done, skipped and missed reminders are over: never shown again.
    public var isFinal: Bool {
        switch self {
        case .done, .skipped, .missed: true
        default: false
        }
    }

    /// "planned", "snoozed", … as stored and printed.
    public var name: String {
        switch self {
        case .planned: "planned"
        case .shown: "shown"
        case .done: "done"
        case .snoozed: "snoozed"
        case .skipped: "skipped"
        case .missed: "missed"
        case .undelivered: "undelivered"
        }
    }
}

/// What the journal stores for one reminder: its latest state and when it entered it.
public struct ReminderRecord: Sendable, Equatable, Codable {
    public var id: ReminderID
    public var state: ReminderState
    /// When the state was entered: for `.done`, when the user did it.
    public var at: Date
    /// The reminder's due time when the state was recorded, for the history.
    public var due: Date?

    public init(id: ReminderID, state: ReminderState, at: Date, due: Date? = nil) {
        self.id = id
        self.state = state
        self.at = at
        self.due = due
    }
}
