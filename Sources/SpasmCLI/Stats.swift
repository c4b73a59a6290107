import ArgumentParser
import Foundation
import SpasmCore

extension Spasm {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", _superCommandName: "spasm",
            abstract: "The journal's figures as terminal charts: episodes per week, severity, caffeine, time of day.",
            discussion: """
            Also triggers, caffeine above against below the target, PT adherence and relief by treatment.
            Colour only on a terminal, never with NO_COLOR set. Examples: 'spasm stats', 'spasm stats --since 1y --json'.
            """
        )

        @Option(help: "Start of the period: 90d, 12w, 1y, a date, or 'all'.") var since = "90d"
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let context = try Context(journal)
            let start = try TimeExpression.since(since, now: context.now, calendar: context.calendar)
            let entries = try context.openJournalForReading().entriesForAnalysis(from: start == .distantPast ? nil : start)
            let startHour = context.configuration.dayStartHour
            let today = JournalDay.containing(context.now, calendar: context.calendar, startHour: startHour).day
            let first = start == .distantPast
                ? entries.first.map { JournalDay($0.at, utcOffset: $0.utcOffset, startHour: startHour) } ?? today
                : JournalDay(start, utcOffset: context.utcOffset(at: start), startHour: startHour)
            let statistics = JournalStatistics(entries: entries, from: first, configuration: context.configuration,
                                               now: context.now, calendar: context.calendar)
            if output.json { try JSONOutput.print(statistics, snakeCase: true); return }
            try say(StatsText(statistics: statistics, charts: .forStandardOutput()).lines.joined(separator: "\n"))
        }
    }
}
