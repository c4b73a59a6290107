import Foundation
import SpasmCore

/// The care plan as the journal holds it: the planner run over the journal, with the reminders'
/// numbers. spasmd and the CLI each open one over the same file, so both list the same reminders
/// under the same numbers.
public struct CareBook: Sendable {
    public let journal: Journal
    public let configuration: Configuration
    public let calendar: Calendar

    public init(journal: Journal, configuration: Configuration, calendar: Calendar) {
        self.journal = journal
        self.configuration = configuration
        self.calendar = calendar
    }

    /// The plan at `now`, what it read, and a number for every reminder it lists or shows now.
    public struct Snapshot: Sendable {
        public var plan: CarePlan
        public var pause: PauseWindow?
        public var numbers: [ReminderID: Int]

        public func number(of reminder: Reminder) -> Int { numbers[reminder.id] ?? 0 }
    }

    /// `desktop`: do-not-disturb and screen-lock holds, which only spasmd knows of.
    public func plan(now: Date, desktop: DesktopHolds = DesktopHolds()) throws -> Snapshot {
        let inputs = try journal.careInputs(now: now, settings: configuration.reminders)
        let plan = CarePlanner.plan(entries: inputs.entries, records: inputs.records, configuration: configuration,
                                    pause: inputs.pause, desktop: desktop, now: now, calendar: calendar)
        let numbers = try journal.numbers(for: plan.reminders + plan.missed, now: now)
        return Snapshot(plan: plan, pause: inputs.pause, numbers: numbers)
    }

    /// The answer to reminder `number`, recorded with the local offset of `now`.
    public func answer(_ number: Int, with answer: ReminderAnswer, now: Date) throws -> StoredReminder {
        try journal.answer(number, with: answer, now: now, utcOffset: calendar.timeZone.secondsFromGMT(for: now),
                           settings: configuration.reminders)
    }

    /// Holds back everything but red flags from `now` until `until`.
    public func pause(until: Date, now: Date) throws {
        guard until > now else { throw InputError("until", "the pause must end in the future") }
        try journal.setPause(PauseWindow(from: now, until: until))
    }

    /// Ends a pause; true when one was in force.
    public func resume(now: Date) throws -> Bool {
        try journal.clearPause(now: now)
    }

    /// Records the missed ones as missed, once: they are final from then on.
    public func recordMissed(_ snapshot: Snapshot, now: Date) throws {
        for reminder in snapshot.plan.missed { try journal.record(reminder, state: .missed, at: now) }
    }
}
