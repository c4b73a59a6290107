import ArgumentParser
import Foundation
import SpasmCore
import SpasmStore
import SpasmTerminal

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

            Without a region or severity, on a terminal, it asks: where (the last episode's region is the \
            default), how bad, what came before, the red-flag questions and a note; then it shows the entry \
            and writes it on Enter. Ctrl-C (status 130) or Ctrl-D (64) leaves without writing anything. \
            Off a terminal, or with --no-input or --json, a missing region or severity is an error instead.

            Examples:
              spasm log
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
        @Option(help: EntryHelp.note) var note: String?
        @Option(help: EntryHelp.at("When it started")) var at: String?
        @Option(help: ArgumentHelp("When it ended, if it already has.", valueName: "time")) var end: String?
        @OptionGroup var questions: QuestionOptions
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            // Red flags first: the advice must reach the user even if anything else below fails.
            let flags = try redFlag.map { text throws(InputError) in try RedFlag(parsing: text) }
            if let advice = RedFlag.advice(for: flags) {
                if output.json { standardError(advice) } else { try say(advice + "\n") }
            }
            let context = try Context(journal)
            // The terminal is looked at only when something is missing: the usual flag path pays nothing.
            let asked = missesAnswers
                ? try Questions.ask(allowed: questions.allowed(json: output.json, note: note)) { prompter in
                    try askAndMake(flags: flags, context: context, prompter: prompter)
                }
                : nil
            let entry = try asked ?? makeEntry(flags: flags, context: context)
            let store = try context.openJournal()
            try Vocabulary.check(entry.episode?.triggers ?? [], parameter: "trigger", new: new, in: store)
            let saved = try store.add(entry, now: context.now)
            try output.report("Logged", saved)
        }

        /// The region or the severity is missing.
        var missesAnswers: Bool { (regionWord ?? region) == nil || (severityWord ?? severity) == nil }

        func makeEntry(flags: [RedFlag], context: Context) throws -> Entry {
            let regionText = try Spasm.either(regionWord, region, name: "region")
            let severityText = try Spasm.either(severityWord, severity, name: "severity")
            guard let regionText else { throw InputError("region", "missing", hint: "e.g. 'spasm log neck 5' or --region lower-back") }
            guard let severityText else { throw InputError("severity", "missing", hint: "add a number from 0 to 10") }
            let answers = EpisodeInterview.Answers(
                region: try BodyRegion(parsing: regionText),
                side: try side.map { text throws(InputError) in try BodySide(parsing: text) },
                severity: try Severity(parsing: severityText),
                triggers: try trigger.map { text throws(InputError) in try TextField.tag(text) },
                redFlags: flags, note: try context.note(note))
            return try episodeEntry(answers, context: context)
        }

        /// Asks on the terminal for what the command line left out, shows the entry and waits for Enter.
        /// What was given is checked first, so a typo fails before the first question.
        func askAndMake(flags: [RedFlag], context: Context, prompter: Prompter) throws -> Entry {
            let regionText = try Spasm.either(regionWord, region, name: "region")
            let severityText = try Spasm.either(severityWord, severity, name: "severity")
            var known = EpisodeInterview.Known(
                region: try regionText.map { text throws(InputError) in try BodyRegion(parsing: text) },
                side: try side.map { text throws(InputError) in try BodySide(parsing: text) },
                severity: try severityText.map { text throws(InputError) in try Severity(parsing: text) },
                triggers: trigger.isEmpty ? nil : try trigger.map { text throws(InputError) in try TextField.tag(text) },
                redFlags: flags, note: note)
            _ = try context.past(at)
            _ = try end.map { try context.past($0) }
            (known.lastRegion, known.recentTriggers) = try recentEpisodes(context)
            let interview = EpisodeInterview(prompter: prompter)
            let entry = try episodeEntry(try interview.ask(known), context: context)
            var summary = ["To log: \(EntryText.detail(entry)), \(CivilTime(entry.at, utcOffset: entry.utcOffset).short)"]
            if let note = entry.note { summary.append("Note: \(note)") }
            try interview.confirm(summary)
            return entry
        }

        /// The last episode's region and the triggers of the last 90 days, newest first; none without a
        /// journal yet (asking must not create the file: leaving creates nothing).
        func recentEpisodes(_ context: Context) throws -> (BodyRegion?, [String]) {
            guard FileManager.default.fileExists(atPath: Locations.journal(override: journal.db)) else { return (nil, []) }
            let since = context.now.addingTimeInterval(-90 * 86_400)
            let episodes = try context.openJournalForReading().entries(from: since, to: nil, kinds: [.episode])
            let last = episodes.max { $0.at < $1.at }?.episode?.region
            return (last, EpisodeInterview.recentTriggers(episodes))
        }

        func episodeEntry(_ answers: EpisodeInterview.Answers, context: Context) throws -> Entry {
            let start = try context.past(at)
            let finish = try end.map { try context.past($0) }
            let episode = Episode(region: answers.region, side: answers.side, severity: answers.severity, triggers: answers.triggers,
                                  redFlags: answers.redFlags, endedAt: finish, endedUTCOffset: finish.map(context.utcOffset(at:)))
            let entry = Entry(at: start, utcOffset: context.utcOffset(at: start), note: answers.note, body: .episode(episode))
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
