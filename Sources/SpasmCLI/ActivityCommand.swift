import ArgumentParser
import Foundation
import SpasmCore
import SpasmStore

extension Spasm {
    struct ActivityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "activity", _superCommandName: "spasm",
            abstract: "Log something you did, whether or not a spasm followed.",
            discussion: """
            Log activities when you do them, on days without spasms too: 'spasm suggest' compares the hours \
            after each activity with the rest of the time on days you log activities. A day with none logged \
            counts as unknown, not as "did nothing". Names are shared with 'spasm log --trigger'; a name close \
            to one you already use is refused with "did you mean" unless you add --new.

            Examples:
              spasm activity lifting --for 30m
              spasm activity "desk work" --at 09:00 --for 3h
              spasm activity gardening --at "yesterday 16:00" --note "weeding"
            """
        )

        @Argument(help: "What you did, e.g. lifting, \"desk work\", running.") var name: String
        @Option(help: "When it started: now, 14:30, 20m ago, yesterday 21:30, ISO 8601 (default: now).") var at: String?
        @Option(name: .customLong("for"), help: "How long it lasted: 30m, 2h, 1h30m (up to 24h).") var duration: String?
        @Option(help: "Free text; - reads it from standard input.") var note: String?
        @Flag(help: "Log a name close to one already in the journal as a new name.") var new = false
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            let minutes = try duration.map { text throws -> Int in
                let seconds = try TimeExpression.duration(text)
                return Int((seconds / 60).rounded())
            }
            let activity = try Activity(name: name, minutes: minutes == 0 ? nil : minutes)
            let start = try context.past(at)
            let entry = Entry(at: start, utcOffset: context.utcOffset(at: start), note: try context.note(note), body: .activity(activity))
            try entry.validate()
            let store = try context.openJournal()
            try Vocabulary.check([activity.name], parameter: "activity", new: new, in: store)
            let saved = try store.add(entry, now: context.now)
            if output.json { try JSONOutput.print(saved) } else { try say("Logged \(EntryText.line(saved))") }
        }
    }
}

extension Vocabulary {
    /// Refuses a name (already in its stored form) that is new to the journal but close to one in it,
    /// unless `new`; the journal's names are read only when one is not among them.
    static func check(_ names: [String], parameter: String, new: Bool, in journal: Journal) throws {
        guard !new, !names.isEmpty, try !names.allSatisfy({ try journal.knowsName($0) }) else { return }
        _ = try Vocabulary(known: journal.names()).tags(names, parameter: parameter)
    }
}
