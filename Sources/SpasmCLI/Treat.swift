import ArgumentParser
import SpasmCore

extension Spasm {
    struct Treat: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "treat", _superCommandName: "spasm",
            abstract: "Log a treatment or a medicine taken.",
            discussion: """
            Kinds: \(TreatmentKind.allCases.map(\.rawValue).joined(separator: ", ")).
            spasm records what was taken; it never suggests a dose.
            Examples: 'spasm treat ice --minutes 15 --relief 3', 'spasm treat nsaid --name ibuprofen'.
            """
        )

        @Argument(help: "What it was.") var kind: String
        @Option(help: "How many minutes.") var minutes: Int?
        @Option(help: "How much it helped, 0 (not at all) to 10 (completely).") var relief: Int?
        @Option(help: "The medicine's name, as on the pack.") var name: String?
        @Option(help: EntryHelp.at("When you took or did it")) var at: String?
        @Option(help: EntryHelp.note) var note: String?
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            let treatment = try Treatment(kind: try TreatmentKind(parsing: kind), minutes: minutes, relief: relief, name: name)
            let at = try context.past(at)
            let entry = Entry(at: at, utcOffset: context.utcOffset(at: at), note: try context.note(note), body: .treatment(treatment))
            try entry.validate()
            let saved = try context.openJournal().add(entry, now: context.now)
            try output.report("Logged", saved)
        }
    }
}
