import ArgumentParser
import Foundation
import SpasmCore
import SpasmStore

extension Spasm {
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest", _superCommandName: "spasm",
            abstract: "What to change and when to get help, from the journal, most urgent first, each with its numbers.",
            discussion: """
            Never a diagnosis and never a dose. Each suggestion names the rule that fired (settings under [advice]), \
            its numbers and the least data it needs; with too little data it says what it needs. \
            A red flag logged in the last advice.window_days days stays on top until acknowledged with --ack.

            Activities logged with 'spasm activity' are compared within you: episodes per hour \
            in the advice.activity_window_hours (2) after each activity began, or while it lasted, against episodes \
            per hour in the rest of the time you were recording. Only days with at least one activity logged count; \
            a day with none is unknown, not "did nothing". The estimate is an incidence rate ratio with an exact \
            interval (given the number of episodes, those within the windows are binomial; Clopper-Pearson), and \
            an activity is named only when its interval excludes "no effect" after Holm's correction for the number \
            of activities compared, each logged at least advice.activity_min_times times with \
            advice.activity_min_unexposed_windows windows of time without it. Why this design: the case-crossover \
            study of Steffens et al. 2015 (Arthritis Care Res 67(3):403-10; 0-2 h before onset against 24-26 h and \
            48-50 h before) samples two control windows per episode because its exposures were recalled at \
            interview; a journal records activities as they happen, so all the recorded time can serve as the \
            reference, and the exact interval holds with a handful of episodes. It shows what your journal shows, \
            not that an activity is to blame: log activities on ordinary days too, or the comparison cannot be made. \
            A 'spasm log --trigger' tag is kept and shown but not counted as a time the activity was done: it is \
            written only when a spasm followed, so counting it would make every tagged activity look risky.
            """
        )

        @Flag(help: "Acknowledge the red flags shown, so they are no longer repeated on top.") var ack = false
        @OptionGroup var journal: JournalOptions
        @OptionGroup var output: OutputOptions

        struct Report: Encodable {
            var generatedAt: String
            var advice: [Advice]
            /// Episodes whose red flags this run acknowledged.
            var acknowledged: [EntryID]
        }

        func run() throws {
            let context = try Context(journal)
            let store = try ack ? context.openJournal() : context.openJournalForReading()
            let advisor = Advisor(configuration: context.configuration)
            let entries = try store.entriesForAnalysis(from: advisor.historyStart(now: context.now, calendar: context.calendar))
            var acknowledged = try store.acknowledgedRedFlags()
            var advice = advisor.advice(entries: entries, acknowledgedRedFlags: acknowledged, now: context.now, calendar: context.calendar)
            var newlyAcknowledged: [EntryID] = []
            if ack {
                newlyAcknowledged = advice.filter { $0.kind == .urgent || $0.kind == .doctorSoon }.flatMap(\.entries)
                try store.acknowledgeRedFlags(of: newlyAcknowledged, now: context.now)
                acknowledged.formUnion(newlyAcknowledged)
                advice.removeAll { $0.kind == .urgent || $0.kind == .doctorSoon }
            }
            if output.json {
                let at = CivilTime(context.now, utcOffset: context.utcOffset(at: context.now)).iso8601
                try JSONOutput.print(Report(generatedAt: at, advice: advice, acknowledged: newlyAcknowledged), snakeCase: true)
                return
            }
            var lines: [String] = []
            if ack {
                lines.append(newlyAcknowledged.isEmpty ? "No red flags to acknowledge."
                    : "Acknowledged the red flags of " + newlyAcknowledged.map { "#\($0)" }.joined(separator: ", ")
                        + ". They stay in the journal; if the symptom comes back, log it again.")
                lines.append("")
            }
            lines += Self.render(advice, charts: .forStandardOutput())
            try say(lines.joined(separator: "\n"))
        }

        static func render(_ advice: [Advice], charts: Charts) -> [String] {
            var lines: [String] = []
            for (number, item) in advice.enumerated() {
                if number > 0 { lines.append("") }
                let (label, colour) = Self.label(item.kind)
                lines.append("\(number + 1). \(charts.paint(label, colour)) \(charts.paint(item.title, .bold))")
                lines += Wrap.lines(item.reason, width: 96, indent: "   ")
                lines.append(charts.paint("   rule \(item.rule) · needs \(item.minimumSample)", .dim))
                if item.kind == .urgent || item.kind == .doctorSoon {
                    lines.append("   Acknowledge it with 'spasm suggest --ack' once you have acted on it.")
                }
            }
            return lines
        }

        static func label(_ kind: Advice.Kind) -> (String, Charts.Colour) {
            switch kind {
            case .urgent: ("URGENT", .red)
            case .doctorSoon: ("DOCTOR SOON", .red)
            case .specialist: ("SPECIALIST", .yellow)
            case .modify: ("CHANGE", .cyan)
            case .helps: ("HELPS", .green)
            case .dataNeeded: ("NEEDS DATA", .dim)
            }
        }
    }
}
