import ArgumentParser
import Foundation
import SpasmCore

extension Spasm {
    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end", _superCommandName: "spasm",
            abstract: "Mark an episode as ended (the most recent open one unless an id is given).",
            discussion: "Examples: 'spasm end', 'spasm end --at 14:20', 'spasm end 42'."
        )

        @Argument(help: "The episode's id (default: the most recent open episode).") var id: EntryID?
        @Option(help: EntryHelp.at("When it ended")) var at: String?
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            let end = try context.past(at)
            let journalFile = try context.openJournal()
            if let id, let entry = try journalFile.entry(id: id), end < entry.at {
                throw InputError("at", "the end is before the episode started (\(EntryText.line(entry)))")
            }
            if id == nil, let open = try journalFile.openEpisode(), end < open.at {
                throw InputError("at", "the end is before the episode started (\(EntryText.line(open)))")
            }
            let ended = try journalFile.endEpisode(id: id, at: end, utcOffset: context.utcOffset(at: end), now: context.now)
            try output.report("Ended", ended)
        }
    }
}
