import ArgumentParser
import Foundation
import SpasmCore

extension Spasm {
    struct Today: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "today", _superCommandName: "spasm",
            abstract: "Today's episodes, caffeine against the daily target, treatments and activities.",
            discussion: "The journal day starts at journal.day_start_hour (04:00 unless set), so a 1 am spasm counts for the evening before."
        )

        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        struct Summary: Encodable {
            var day: String
            var from: String
            var to: String
            var caffeineMg: Double
            var caffeineTargetMg: Double
            var entries: [Entry]

            enum CodingKeys: String, CodingKey {
                case day, from, to, caffeineMg = "caffeine_mg", caffeineTargetMg = "caffeine_target_mg", entries
            }
        }

        func run() throws {
            let context = try Context(journal)
            let startHour = context.configuration.dayStartHour
            let (day, interval) = JournalDay.containing(context.now, calendar: context.calendar, startHour: startHour)
            let entries = try context.openJournalForReading().entries(from: interval.start, to: interval.end, kinds: nil)
            let caffeine = entries.compactMap(\.caffeine).reduce(0) { $0 + $1.milligrams }
            let target = context.configuration.caffeineDailyTargetMg
            if output.json {
                let from = CivilTime(interval.start, utcOffset: context.utcOffset(at: interval.start)).iso8601
                let to = CivilTime(interval.end, utcOffset: context.utcOffset(at: interval.end)).iso8601
                try JSONOutput.print(Summary(day: day.description, from: from, to: to, caffeineMg: caffeine,
                                             caffeineTargetMg: target, entries: entries))
                return
            }
            let start = CivilTime(interval.start, utcOffset: context.utcOffset(at: interval.start))
            var lines = ["Today, \(day) (from \(start.clock))"]
            let episodes = entries.filter { $0.kind == .episode }
            let worst = episodes.compactMap(\.episode?.severity).max()
            lines.append("")
            lines.append("Episodes: \(episodes.count)" + (worst.map { ", worst \($0)" } ?? ""))
            lines += episodes.map(Self.row)
            let over = caffeine > target ? " (over the target)" : ""
            lines.append("")
            lines.append("Caffeine: \(CaffeineInput.format(caffeine)) mg of a \(CaffeineInput.format(target)) mg target\(over)")
            lines += entries.filter { $0.kind == .caffeine }.map(Self.row)
            let treatments = entries.filter { $0.kind == .treatment }
            lines.append("")
            lines.append("Treatments: \(treatments.count)")
            lines += treatments.map(Self.row)
            let activities = entries.filter { $0.kind == .activity }
            lines.append("")
            lines.append("Activities: \(activities.count)" + (activities.isEmpty ? " (log what you do with 'spasm activity NAME')" : ""))
            lines += activities.map(Self.row)
            try say(lines.joined(separator: "\n"))
        }

        static func row(_ entry: Entry) -> String {
            "  #\(entry.id ?? 0)  \(CivilTime(entry.at, utcOffset: entry.utcOffset).clock)  \(EntryText.detail(entry))"
        }
    }
}
