import ArgumentParser
import Foundation
import SpasmCore

extension Spasm {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", _superCommandName: "spasm",
            abstract: "List entries, oldest first: a table, or JSON for scripts.",
            discussion: "Examples: 'spasm history --since 14d', 'spasm history --since 2026-01-01 --kind episode --json'."
        )

        @Option(help: "Start of the period: 14d, 2w, 1y, a date, or 'all'.") var since = "30d"
        @Option(help: "End of the period (default: now).") var until: String?
        @Option(help: "Only this kind (repeatable): episode, caffeine, treatment, activity.") var kind: [String] = []
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            let start = try TimeExpression.since(since, now: context.now, calendar: context.calendar)
            let end = try until.map { try TimeExpression.past($0, now: context.now, calendar: context.calendar) }
            let kinds = try Set(kind.map { text throws(InputError) in
                guard let kind = Entry.Kind(rawValue: text.lowercased()) else {
                    throw .unknown("kind", text, among: Entry.Kind.allCases.map(\.rawValue))
                }
                return kind
            })
            // `until` names a moment that is included.
            let entries = try context.openJournalForReading().entries(from: start, to: end.map { $0.addingTimeInterval(1) },
                                                            kinds: kinds.isEmpty ? nil : kinds)
            if output.json { try JSONOutput.print(entries); return }
            guard !entries.isEmpty else { try say("No entries in this period."); return }
            let rows = entries.map { entry in
                [String(entry.id ?? 0), EntryText.when(entry, now: context.now), entry.kind.rawValue,
                 EntryText.detail(entry), EntryText.notePreview(entry.note)]
            }
            try say(EntryText.table(header: ["ID", "WHEN", "KIND", "DETAIL", "NOTE"], rows: rows))
        }
    }
}
