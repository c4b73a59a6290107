import ArgumentParser
import Foundation
import SpasmCore
import SpasmStore
import SpasmTerminal

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

        @Argument(help: "What you did, e.g. lifting, \"desk work\", running; asked on a terminal when left out.") var name: String?
        @Option(help: EntryHelp.at("When it started")) var at: String?
        @Option(name: .customLong("for"), help: ArgumentHelp("How long it lasted: 30m, 2h, 1h30m (up to 24h).", valueName: "duration")) var duration: String?
        @Option(help: EntryHelp.note) var note: String?
        @Flag(help: "Log a name close to one already in the journal as a new name.") var new = false
        @OptionGroup var questions: QuestionOptions
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            let name = try self.name ?? Questions.ask(allowed: questions.allowed(json: output.json, note: note)) { prompter in
                try Self.askName(prompter, offered: Self.knownNames(context))
            }
            guard let name else { throw InputError("name", "missing", hint: "e.g. 'spasm activity lifting --for 30m'") }
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
            try output.report("Logged", saved)
        }

        /// One name, by its number among those the journal knows or in words, with the rules of --trigger.
        static func askName(_ prompter: Prompter, offered: [String]) throws(PromptCancelled) -> String {
            prompter.say("What did you do?", .question)
            if !offered.isEmpty { prompter.sayChoices(offered) }
            return try prompter.ask("Activity:") { text throws(InputError) in
                let names = try EpisodeInterview.triggers(text, offered: offered)
                guard names.count == 1 else {
                    throw InputError("activity", names.isEmpty ? "missing" : "one at a time", hint: "a number from the list or a few words")
                }
                return names[0]
            }
        }

        /// The names already in the journal, without making a journal that is not there yet.
        static func knownNames(_ context: Context) throws -> [String] {
            guard FileManager.default.fileExists(atPath: Locations.journal(override: context.options.db)) else { return [] }
            return Array(try context.openJournalForReading().names().prefix(20))
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
