import ArgumentParser
import Foundation
import SpasmCore

extension Spasm {
    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pause", _superCommandName: "spasm",
            abstract: "Hold reminders back for a while (a meeting, a drive); red flags still show.",
            discussion: """
            'spasm pause 2h' or 'spasm pause --until 18:00'. What falls due meanwhile comes at the end of the \
            pause if it is still of use then, and is otherwise recorded as missed. 'spasm resume' ends it early.
            """
        )

        @Argument(help: "How long: 30m, 2h, 1h30m.") var duration: String?
        @Option(help: "Until this time of day (HH:MM, the next one to come).") var until: String?
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        struct Reply: Encodable { var until: String }

        func validate() throws {
            if (duration == nil) == (until == nil) {
                throw ValidationError("give a duration (spasm pause 2h) or --until HH:MM, not both")
            }
        }

        func run() throws {
            let context = try Context(journal)
            let end = try self.end(context)
            try context.openCare().pause(until: end, now: context.now)
            let time = CivilTime(end, utcOffset: context.utcOffset(at: end))
            if output.json { return try JSONOutput.print(Reply(until: time.iso8601)) }
            try say("Reminders paused until \(time.short); red flags still show. 'spasm resume' ends the pause.")
        }

        private func end(_ context: Context) throws -> Date {
            if let duration { return context.now + (try TimeExpression.duration(duration)) }
            guard let text = until, let time = TimeOfDay(parsing: text) else {
                throw InputError("until", "'\(until ?? "")' is not a time of day", hint: "write it as HH:MM, e.g. 18:00")
            }
            return time.next(after: context.now, in: context.calendar.timeZone)
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resume", _superCommandName: "spasm", abstract: "End a pause: reminders show again.")
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        struct Reply: Encodable { var wasPaused: Bool; enum CodingKeys: String, CodingKey { case wasPaused = "was_paused" } }

        func run() throws {
            let context = try Context(journal)
            let was = try context.openCare().resume(now: context.now)
            if output.json { return try JSONOutput.print(Reply(wasPaused: was)) }
            try say(was ? "Reminders resumed." : "Reminders were not paused.")
        }
    }
}
