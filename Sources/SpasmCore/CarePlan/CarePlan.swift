import Foundation

/// What the planner decided at one moment: the reminders that should exist, the ones to show now and
/// the ones to record as missed. The scheduler arms one timer for `nextDue` and replans when it fires.
public struct CarePlan: Sendable, Equatable {
    /// Every open reminder from the recent past to the horizon (planned, shown, snoozed, undelivered),
    /// by due time.
    public var reminders: [Reminder]
    /// Those due now and not shown yet: show them once, grouped (`groups`).
    public var dueNow: [Reminder]
    /// Those that fell due while they could not be shown and are past use: record them as missed.
    public var missed: [Reminder]
    /// Those due now that the desktop holds back (do-not-disturb, a locked screen): shown or judged
    /// missed once the hold ends.
    public var held: [Reminder]
    /// Why they are held; nil when nothing is.
    public var heldBy: HoldReason?

    public init(reminders: [Reminder], dueNow: [Reminder], missed: [Reminder], held: [Reminder] = [], heldBy: HoldReason? = nil) {
        self.reminders = reminders
        self.dueNow = dueNow
        self.missed = missed
        self.held = held
        self.heldBy = heldBy
    }

    /// Those not on screen yet, soonest first: what `spasm status` counts as pending.
    public var pending: [Reminder] { reminders.filter { $0.state != .shown } }

    /// The earliest due time still ahead, for the one timer.
    public func nextDue(after now: Date) -> Date? {
        reminders.first { $0.due > now && $0.state != .shown }?.due
    }

    /// `dueNow` as notifications: each red flag alone, each relief question alone (its buttons are
    /// about one session), everything else together in one.
    public var groups: [ReminderGroup] {
        let alone = dueNow.filter { $0.urgency == .critical || $0.kind == .relief }.map { ReminderGroup(reminders: [$0]) }
        let rest = dueNow.filter { $0.urgency != .critical && $0.kind != .relief }
        return alone + (rest.isEmpty ? [] : [ReminderGroup(reminders: rest)])
    }
}

/// Reminders shown as one notification (several fell due together, e.g. after a suspend).
public struct ReminderGroup: Sendable, Equatable {
    public var reminders: [Reminder]

    /// The most insistent urgency among them.
    public var urgency: ReminderUrgency { reminders.map(\.urgency).max() ?? .low }

    public var title: String {
        reminders.count == 1 ? reminders[0].title : "\(reminders.count) reminders"
    }

    public var body: String {
        reminders.count == 1 ? reminders[0].body : reminders.map { "• " + $0.title }.joined(separator: "\n")
    }
}
