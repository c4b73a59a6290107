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
