import Foundation
import SpasmCore

/// The `io.spasm.Care` Varlink interface: the care plan's reminders, answering them, and the pause.
///
/// Stable like `io.spasm.Journal`: methods and fields are only ever added.
public enum CareInterface {
    public static let name = "io.spasm.Care"

    public enum Method: String, CaseIterable, Sendable {
        case reminders = "Reminders"
        case answer = "Answer"
        case pause = "Pause"
        case resume = "Resume"
        case status = "Status"

        public var qualified: String { "\(CareInterface.name).\(rawValue)" }
    }

    public enum ErrorName {
        public static let noSuchReminder = "io.spasm.Care.NoSuchReminder"
    }

    /// The interface description served by GetInterfaceDescription.
    public static let description = """
    # The care plan spasmd keeps: ice, heat, supine-rest and PT reminders, caffeine nudges, red flags.
    # Times are ISO 8601 with the UTC offset of the machine, e.g. 2026-11-29T14:32:00+01:00.
    interface io.spasm.Care

    # One reminder. number: what `spasm done NUMBER` takes. kind: ice-on, ice-off, heat-on, heat-off,
    # supine-rest, pt-routine, caffeine, red-flag, relief. state: planned, shown, snoozed, undelivered,
    # held (due, waiting for do-not-disturb or a locked screen to end).
    # urgency: low, normal, critical. answers: what Answer takes for it.
    type Reminder (
      number: int,
      kind: string,
      due: string,
      state: string,
      urgency: string,
      title: string,
      body: string,
      reason: string,
      answers: []string
    )

    # The reminders from the recent past to the planning horizon, by due time.
    method Reminders() -> (reminders: []Reminder, paused_until: ?string)

    # Answers a reminder as its notification's buttons do: done, snooze, skip; better, same, worse for
    # the relief question. Done records the treatment; answering the same way twice records it once.
    method Answer(number: int, answer: string) -> (number: int, kind: string, state: string, treatment_id: ?int)

    # Shows nothing but red flags until `until`.
    method Pause(until: string) -> (until: string)

    # Ends a pause. was_paused: whether one was in force.
    method Resume() -> (was_paused: bool)

    # The daemon's state line, the next reminder, whether a notification server is on the bus, the
    # journal file spasmd serves (the one it watches and plans from), and why reminders are held back
    # for now, if they are ("do-not-disturb", "screen locked").
    method Status() -> (status: string, next: ?Reminder, pending: int, paused_until: ?string, notification_server: bool, journal: string,
                        held: ?string)

    error NoSuchReminder (number: int)

    """

    // MARK: Parameters and replies

    public struct Reminder: Codable, Sendable, Equatable {
        public var number: Int
        public var kind: String
        public var due: String
        public var state: String
        public var urgency: String
        public var title: String
        public var body: String
        public var reason: String
        public var answers: [String]

        /// `reminder` as listed, its due time on the wall clock of `zone`; `held`: due, but waiting for
        /// do-not-disturb or the screen lock to end (state "held").
        public init(_ reminder: SpasmCore.Reminder, number: Int, in zone: TimeZone, held: Bool = false) {
            self.number = number
            kind = reminder.kind.rawValue
            due = CivilTime(reminder.due, in: zone).iso8601
            state = held ? "held" : reminder.state.name
            urgency = reminder.urgency.rawValue
            title = reminder.title
            body = reminder.body
            reason = reminder.reason
            answers = ReminderAnswer.choices(for: reminder.kind).map(\.rawValue)
        }
    }

    public struct RemindersReply: Codable, Sendable, Equatable {
        public var reminders: [Reminder]
        public var pausedUntil: String?
        enum CodingKeys: String, CodingKey { case reminders, pausedUntil = "paused_until" }
        public init(reminders: [Reminder], pausedUntil: String?) { self.reminders = reminders; self.pausedUntil = pausedUntil }

        /// A plan as the interface lists it, times on the wall clock of `zone`; spasmd answers with this
        /// and `spasm reminders --json` prints it.
        public init(plan: CarePlan, pause: PauseWindow?, in zone: TimeZone, number: (SpasmCore.Reminder) -> Int) {
            let held = Set(plan.held.map(\.id))
            self.init(reminders: plan.reminders.map { CareInterface.Reminder($0, number: number($0), in: zone, held: held.contains($0.id)) },
                      pausedUntil: pause.map { CivilTime($0.until, in: zone).iso8601 })
        }
    }

    public struct AnswerParameters: Codable, Sendable {
        public var number: Int
        public var answer: String
        public init(number: Int, answer: String) { self.number = number; self.answer = answer }
    }

    public struct AnswerReply: Codable, Sendable, Equatable {
        public var number: Int
        public var kind: String
        public var state: String
        public var treatmentID: EntryID?
        enum CodingKeys: String, CodingKey { case number, kind, state, treatmentID = "treatment_id" }
        public init(number: Int, kind: String, state: String, treatmentID: EntryID?) {
            self.number = number; self.kind = kind; self.state = state; self.treatmentID = treatmentID
        }
    }

    public struct PauseParameters: Codable, Sendable {
        public var until: String
        public init(until: String) { self.until = until }
    }

    public struct ResumeReply: Codable, Sendable {
        public var wasPaused: Bool
        enum CodingKeys: String, CodingKey { case wasPaused = "was_paused" }
        public init(wasPaused: Bool) { self.wasPaused = wasPaused }
    }

    public struct StatusReply: Codable, Sendable, Equatable {
        public var status: String
        public var next: Reminder?
        public var pending: Int
        public var pausedUntil: String?
        public var notificationServer: Bool
        public var journal: String
        /// Why reminders are held back now ("do-not-disturb", "screen locked"); nil when they are not.
        public var held: String?
        enum CodingKeys: String, CodingKey {
            case status, next, pending, pausedUntil = "paused_until", notificationServer = "notification_server", journal, held
        }
        public init(status: String, next: Reminder?, pending: Int, pausedUntil: String?, notificationServer: Bool, journal: String,
                    held: String? = nil) {
            self.status = status; self.next = next; self.pending = pending
            self.pausedUntil = pausedUntil; self.notificationServer = notificationServer; self.journal = journal
            self.held = held
        }
    }
}
