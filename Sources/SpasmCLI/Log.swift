import ArgumentParser
import Foundation
import SpasmCore
import SpasmStore

extension Spasm {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", _superCommandName: "spasm",
            abstract: "Log a spasm episode.",
            discussion: """
            The short form takes the region and severity as words: 'spasm log neck 5 --at "2h ago"'.
            Severity is the 0-10 numeric rating scale: 0 no pain, 10 the worst imaginable.
            Regions: \(BodyRegion.allCases.map(\.rawValue).joined(separator: ", ")).
            Red flags (repeatable): \(RedFlag.allCases.map(\.rawValue).joined(separator: ", ")).
            A red flag prints what to do first, before anything is written.

            Examples:
              spasm log --region lower-back --severity 7 --trigger lifting --trigger "desk work" --note "bent to pick up a box"
              spasm log neck 5 --at "2h ago"
              spasm log --region neck --severity 9 --red-flag arm-weakness
            """
        )

        @Argument(help: ArgumentHelp("Body region (the short form of --region).", valueName: "region"))
        var regionWord: String?
        @Argument(help: ArgumentHelp("Severity 0-10 (the short form of --severity).", valueName: "severity"))
        var severityWord: String?

        @Option(help: "Where it hurts.") var region: String?
        @Option(help: "left, right or both.") var side: String?
        @Option(help: "How bad, 0 (none) to 10 (worst).") var severity: String?
        @Option(help: "What you were doing in the hours before it (repeatable); the same names as 'spasm activity'.") var trigger: [String] = []
        @Flag(help: "Accept a trigger close to a name already in the journal as a new name.") var new = false
        @Option(name: .customLong("red-flag"), help: "A red-flag symptom (repeatable).") var redFlag: [String] = []
        @Option(help: "Free text, up to 1 MiB; - reads it from standard input. Tab and newline are kept; other control characters are rejected.") var note: String?
        @Option(help: "When it started: now, 14:30, 20m ago, yesterday 21:30, monday 08:00, ISO 8601.") var at: String?
        @Option(help: "When it ended, if it already has.") var end: String?
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            // Red flags first: the advice must reach the user even if anything else below fails.
            let flags = try redFlag.map { text throws(InputError) in try RedFlag(parsing: text) }
            if let advice = RedFlag.advice(for: flags) {
                if output.json { standardError(advice) } else { try say(advice + "\n") }
            }
            let context = try Context(journal)
            let entry = try makeEntry(flags: flags, context: context)
            let store = try context.openJournal()
            try Vocabulary.check(entry.episode?.triggers ?? [], parameter: "trigger", new: new, in: store)
            let saved = try store.add(entry, now: context.now)
            if output.json { try JSONOutput.print(saved) } else { try say("Logged \(EntryText.line(saved))") }
        }

        func makeEntry(flags: [RedFlag], context: Context) throws -> Entry {
            let regionText = try Spasm.either(regionWord, region, name: "region")
            let severityText = try Spasm.either(severityWord, severity, name: "severity")
            guard let regionText else { throw InputError("region", "missing", hint: "e.g. 'spasm log neck 5' or --region lower-back") }
            guard let severityText else { throw InputError("severity", "missing", hint: "add a number from 0 to 10") }
            let region = try BodyRegion(parsing: regionText)
            let level = try Severity(parsing: severityText)
            let bodySide = try side.map { text throws(InputError) in try BodySide(parsing: text) }
            let tags = try trigger.map { text throws(InputError) in try TextField.tag(text) }
            let start = try context.past(at)
            let finish = try end.map { try context.past($0) }
            let episode = Episode(region: region, side: bodySide, severity: level, triggers: tags, redFlags: flags,
                                  endedAt: finish, endedUTCOffset: finish.map(context.utcOffset(at:)))
            let entry = Entry(at: start, utcOffset: context.utcOffset(at: start), note: try context.note(note), body: .episode(episode))
            try entry.validate()
            return entry
        }
    }

    /// A value given either positionally or as an option, but not both.
    static func either(_ word: String?, _ option: String?, name: String) throws(InputError) -> String? {
        if let word, let option, word != option {
            throw InputError(name, "given twice ('\(word)' and --\(name) '\(option)')")
        }
        return option ?? word
    }
}
