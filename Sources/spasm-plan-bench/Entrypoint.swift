import Foundation
import SpasmCore
import SpasmStore

/// Times the care planner on a synthetic ten-year journal: `spasm-plan-bench [RUNS] [YEARS]`.
/// Prints the median and the spread of in-process planning times (the journal is built once), then
/// the same for spasmd's whole replan: reading the journal file, planning, numbering the reminders.
@main
struct Entrypoint {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let runs = arguments.first.flatMap(Int.init) ?? 200
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let now = calendar.date(from: DateComponents(year: 2026, month: 6, day: 10, hour: 9, minute: 41))!
        var synthetic = SyntheticJournal(end: now)
        if arguments.count > 1, let years = Double(arguments[1]) { synthetic.years = years }
        let entries = synthetic.entries()
        var configuration = Configuration()
        configuration.pt.weekdays = Weekday.allCases

        // The records a daemon would hold: everything of the last day shown.
        let first = CarePlanner.plan(entries: entries, records: [], configuration: configuration, pause: nil, now: now, calendar: calendar)
        let records = (first.reminders + first.missed).filter { $0.due <= now }
            .map { ReminderRecord(id: $0.id, state: .shown, at: $0.due, due: $0.due) }

        let clock = ContinuousClock()
        var times: [Double] = []
        var floor: [Double] = []
        var reminders = 0
        var recentEntries = 0
        for run in 0..<runs {
            let at = now + Double(run * 60)
            let planning = clock.measure {
                let plan = CarePlanner.plan(entries: entries, records: records, configuration: configuration, pause: nil, now: at, calendar: calendar)
                reminders = plan.reminders.count
            }
            // The floor: one pass over the journal that reads each entry's time.
            var recent = 0
            let scan = clock.measure { for entry in entries where entry.at >= at - 86_400 { recent += 1 } }
            recentEntries = recent
            times.append(milliseconds(planning))
            floor.append(milliseconds(scan))
        }
        print("entries: \(entries.count), reminders in plan: \(reminders), records: \(records.count), runs: \(runs)")
        print(String(format: "plan:      median %.2f ms  p90 %.2f ms  min %.2f ms", median(times), percentile(times, 0.9), times.min()!))
        print(String(format: "scan only: median %.2f ms  (one pass over every entry, the floor; %d in the last day)", median(floor), recentEntries))
        replanFromFile(entries: entries, configuration: configuration, calendar: calendar, now: now, runs: runs)
    }

    /// spasmd's replan as it runs on every journal change and timer: read, plan, number.
    static func replanFromFile(entries: [Entry], configuration: Configuration, calendar: Calendar, now: Date, runs: Int) {
        let directory = NSTemporaryDirectory() + "spasm-plan-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let journal = try Journal.open(at: directory + "/journal.sqlite")
            try journal.add(contentsOf: entries, now: now)
            let book = CareBook(journal: journal, configuration: configuration, calendar: calendar)
            let clock = ContinuousClock()
            var times: [Double] = []
            for run in 0..<runs {
                let at = now + Double(run * 60)
                times.append(milliseconds(clock.measure { _ = try? book.plan(now: at) }))
            }
            print(String(format: "replan from the journal file (read, plan, number): median %.2f ms  p90 %.2f ms", median(times), percentile(times, 0.9)))
        } catch {
            print("replan from the journal file: \(error)")
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
    }
}
