import ArgumentParser
import Foundation
import SpasmCore
import SpasmIPC
import SpasmStore

extension Spasm {
    struct Reminders: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reminders", _superCommandName: "spasm",
            abstract: "The care plan's reminders: when each is due, and why.",
            discussion: """
            Lists reminders from the recent past to reminders.horizon_hours ahead: ice, heat and rest sessions \
            after an episode, the PT routine, caffeine nudges and red flags. Answer one with \
            'spasm done|snooze|skip NUMBER', or 'spasm relief NUMBER better|same|worse'.
            """
        )

        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            let snapshot = try context.openCare().plan(now: context.now)
            let reply = CareInterface.RemindersReply(plan: snapshot.plan, pause: snapshot.pause, in: context.calendar.timeZone,
                                                     number: snapshot.number(of:))
            if output.json { return try JSONOutput.print(reply) }
            var lines: [String] = []
            if let until = reply.pausedUntil.flatMap(CivilTime.init(iso8601:)) {
                lines.append("Paused until \(until.clock): only red flags are shown.")
            }
            if reply.reminders.isEmpty {
                lines.append("No reminders in the next \(context.configuration.reminders.horizonHours) hours.")
            } else {
                let width = reply.reminders.map { String($0.number).count }.max() ?? 1
                for reminder in reply.reminders {
                    let due = CivilTime(iso8601: reminder.due)?.short ?? reminder.due
                    let number = String(repeating: " ", count: width - String(reminder.number).count) + String(reminder.number)
                    let state = reminder.state == "planned" ? "" : "  [\(reminder.state)]"
                    lines.append("\(number)  \(due)  \(reminder.title)\(state)")
                    lines.append(String(repeating: " ", count: width + 2) + "why: \(reminder.reason)")
                }
                lines.append("Answer with: spasm done|snooze|skip NUMBER")
            }
            try say(lines.joined(separator: "\n"))
        }
    }

    /// `spasm done|snooze|skip NUMBER`: the same as the notification's buttons.
    struct ReminderArguments: ParsableArguments {
        @Argument(help: "The reminder's number, as 'spasm reminders' and the notification show it.")
        var number: Int
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func answer(_ answer: ReminderAnswer) throws {
            let context = try Context(journal)
            // Written to the journal; spasmd sees the change and takes the notification off the desktop.
            let stored = try context.openCare().answer(number, with: answer, now: context.now)
            let reply = CareInterface.AnswerReply(number: number, kind: stored.kind.rawValue, state: stored.record.state.name,
                                                  treatmentID: stored.entryID)
            try reporting("reminder \(number) was answered (\(answer.rawValue))") { try report(reply, answer: answer, context: context) }
        }

        private func report(_ reply: CareInterface.AnswerReply, answer: ReminderAnswer, context: Context) throws {
            if output.json { return try JSONOutput.print(reply) }
            var line: String
            switch answer {
            case .done: line = "Reminder \(number) (\(reply.kind)) done"
            case .snooze: line = "Reminder \(number) (\(reply.kind)) snoozed for \(context.configuration.reminders.snoozeMinutes) min"
            case .skip: line = "Reminder \(number) (\(reply.kind)) skipped"
            case .better, .same, .worse: line = "Noted: \(answer.rawValue) after the session (reminder \(number))"
            }
            if let id = reply.treatmentID, answer == .done { line += "; recorded as treatment #\(id) ('spasm undo' takes it back)" }
            try say(line)
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done", _superCommandName: "spasm", abstract: "Mark a reminder done; for a session or the PT routine this records the treatment.")
        @OptionGroup var arguments: ReminderArguments
        func run() throws { try arguments.answer(.done) }
    }

    struct Snooze: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snooze", _superCommandName: "spasm", abstract: "Put a reminder off for reminders.snooze_minutes (10 unless set).")
        @OptionGroup var arguments: ReminderArguments
        func run() throws { try arguments.answer(.snooze) }
    }

    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "skip", _superCommandName: "spasm", abstract: "Skip a reminder; the plan goes on without it.")
        @OptionGroup var arguments: ReminderArguments
        func run() throws { try arguments.answer(.skip) }
    }

    struct Relief: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "relief", _superCommandName: "spasm", abstract: "Answer the question after a session: better, same or worse.")
        @OptionGroup var arguments: ReminderArguments
        @Argument(help: "better, same or worse.") var answer: ReliefAnswer
        func run() throws { try arguments.answer(answer.answer) }
    }

    enum ReliefAnswer: String, ExpressibleByArgument, CaseIterable {
        case better, same, worse
        var answer: ReminderAnswer { ReminderAnswer(rawValue: rawValue)! }
    }
}
