import ArgumentParser
import SpasmCore
import SpasmStore

extension Spasm {
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config", _superCommandName: "spasm",
            abstract: "Show settings.",
            subcommands: [Show.self, Path.self],
            defaultSubcommand: Show.self
        )

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "show",
                abstract: "The effective settings and where each value came from."
            )

            @OptionGroup var journal: JournalOptions
            @OptionGroup var output: OutputOptions

            struct Setting: Encodable { var key: String; var value: String; var source: String }

            func run() throws {
                let settings = try Context.loadSettings(journal)
                let rows = settings.settings
                if output.json {
                    try JSONOutput.print(rows.map { Setting(key: $0.key, value: $0.value, source: $0.source.description) })
                    return
                }
                try say("# settings file: \(Locations.configuration(override: journal.config))")
                try say("# journal: \(Locations.journal(override: journal.db))")
                try say(EntryText.table(header: ["KEY", "VALUE", "FROM"], rows: rows.map { [$0.key, $0.value, $0.source.description] }))
            }
        }

        struct Path: ParsableCommand {
            static let configuration = CommandConfiguration(
            commandName: "path", abstract: "Print the settings file's path.")
            @OptionGroup var journal: JournalOptions
            func run() throws { try say(Locations.configuration(override: journal.config)) }
        }
    }
}
