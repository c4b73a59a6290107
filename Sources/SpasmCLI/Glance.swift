import ArgumentParser
import Foundation
import SpasmCore
import SpasmIPC
import SpasmStore

extension Spasm {
    /// What `spasm` alone prints: today in a few lines.
    struct Glance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "glance", _superCommandName: "spasm",
            abstract: "Today at a glance: episodes, caffeine against the target, the next reminder, a pause or a red flag.",
            discussion: """
            'spasm' with no command prints this; 'spasm help' lists the commands. The next reminder is the \
            care plan's, as 'spasm reminders' lists it.
            """
        )

        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        struct Summary: Encodable {
            var day: String
            var episodes: Int
            var worstSeverity: Int?
            var caffeineMg: Double
            var caffeineTargetMg: Double
            var next: CareInterface.Reminder?
            var pausedUntil: String?
            var redFlags: [CareInterface.Reminder]

            enum CodingKeys: String, CodingKey {
                case day, episodes, worstSeverity = "worst_severity", caffeineMg = "caffeine_mg",
                     caffeineTargetMg = "caffeine_target_mg", next, pausedUntil = "paused_until", redFlags = "red_flags"
            }
        }

        func run() throws {
            let context = try Context(journal)
            // A first look must not create an empty journal.
            guard FileManager.default.fileExists(atPath: Locations.journal(override: journal.db)) else {
                if output.json { return try JSONOutput.print(try summary(context, journal: nil)) }
                return try say("Nothing logged yet. 'spasm log' asks what it needs; 'spasm help' lists every command.")
            }
            let summary = try summary(context, journal: try context.openJournal())
            if output.json { return try JSONOutput.print(summary) }
            try say(Self.render(summary, charts: .forStandardOutput()).joined(separator: "\n"))
        }

        func summary(_ context: Context, journal: Journal?) throws -> Summary {
            let (day, interval) = JournalDay.containing(context.now, calendar: context.calendar, startHour: context.configuration.dayStartHour)
            let entries = try journal?.entries(from: interval.start, to: interval.end, kinds: nil) ?? []
            let severities = entries.compactMap(\.episode?.severity)
            var summary = Summary(day: day.description, episodes: severities.count, worstSeverity: severities.max()?.rawValue,
                                  caffeineMg: entries.compactMap(\.caffeine).reduce(0) { $0 + $1.milligrams },
                                  caffeineTargetMg: context.configuration.caffeineDailyTargetMg, redFlags: [])
            guard let journal else { return summary }
            let snapshot = try CareBook(journal: journal, configuration: context.configuration, calendar: context.calendar)
                .plan(now: context.now)  // the plan spasmd works from, read from the same file
            let zone = context.calendar.timeZone
            let listed = snapshot.plan.reminders.map { CareInterface.Reminder($0, number: snapshot.number(of: $0), in: zone) }
            summary.redFlags = listed.filter { $0.kind == ReminderKind.redFlag.rawValue }
            summary.next = listed.first { $0.kind != ReminderKind.redFlag.rawValue && $0.state != "shown" }
            summary.pausedUntil = snapshot.pause.map { CivilTime($0.until, in: zone).iso8601 }
            return summary
        }

        static func render(_ summary: Summary, charts: Charts) -> [String] {
            var lines: [String] = []
            for flag in summary.redFlags {
                lines.append(charts.paint("\(flag.title.uppercased()): a red flag you logged is still open (reminder \(flag.number)).", .red))
                lines.append("  'spasm reminders' shows what to do; 'spasm done \(flag.number)' once you have.")
            }
            let worst = summary.worstSeverity.map { ", worst \($0)/10" } ?? ""
            lines.append("Today, \(summary.day): \(summary.episodes) episode\(summary.episodes == 1 ? "" : "s")\(worst)")
            let over = summary.caffeineMg > summary.caffeineTargetMg ? " (over the target)" : ""
            lines.append("Caffeine: \(CaffeineInput.format(summary.caffeineMg)) mg of a \(CaffeineInput.format(summary.caffeineTargetMg)) mg target\(over)")
            if let until = summary.pausedUntil.flatMap(CivilTime.init(iso8601:)) {
                lines.append("Reminders held until \(until.clock) ('spasm resume' ends it); red flags still show.")
            }
            if let next = summary.next {
                let due = CivilTime(iso8601: next.due)?.short ?? next.due
                lines.append("Next reminder: \(due)  \(next.title)  ('spasm done \(next.number)')")
            } else {
                lines.append("No reminders ahead.")
            }
            lines.append("'spasm log' records a spasm; 'spasm help' lists every command.")
            return lines
        }
    }
}
