import ArgumentParser
import SpasmCore

extension Spasm {
    struct Caffeine: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "caffeine", _superCommandName: "spasm",
            abstract: "Log caffeine: a drink from the catalogue, servings, or an amount in mg.",
            discussion: """
            Drinks and their mg per serving come from the settings ('spasm config show'); add your own under
            [caffeine.drinks]. One entry over 1,000 mg, or 0 mg, needs --force.
            Examples: 'spasm caffeine coffee', 'spasm caffeine espresso x2 --at 09:10', 'spasm caffeine 120mg --note "pre-workout"'.
            """
        )

        @Argument(help: ArgumentHelp("A drink, a serving count (x2) and/or an amount (120mg).", valueName: "drink"))
        var words: [String] = []
        @Option(help: EntryHelp.at("When you had it")) var at: String?
        @Option(help: EntryHelp.note) var note: String?
        @Flag(help: "Record 0 mg or an amount over the per-entry limit anyway.") var force = false
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            let intake = try CaffeineInput.parse(words, drinks: context.configuration.drinks,
                                                 limit: context.configuration.caffeineEntryLimitMg, force: force)
            let at = try context.past(at)
            let entry = Entry(at: at, utcOffset: context.utcOffset(at: at), note: try context.note(note), body: .caffeine(intake))
            try entry.validate()
            let saved = try context.openJournal().add(entry, now: context.now)
            try output.report("Logged", saved)
        }
    }
}
