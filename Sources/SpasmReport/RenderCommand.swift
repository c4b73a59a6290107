import CLinux
import Foundation
import SpasmCore
import SpasmExport

/// `spasm-render`: reads a JSON backup on stdin and writes the PDF report to stdout.
///
///     spasm-render --from ISO --to ISO [--paper a4|letter] [--day-start-hour 4]
///                  [--pt-times 08:00,18:00] [--pt-weekdays mon,tue,...] [--advice FILE] [--activities FILE]
///                  [--acknowledged UUID,UUID,...] < backup.json > report.pdf
///
/// Entries before `--from` count towards the red flags ever reported and, in the period of equal
/// length before it, the comparison; `--acknowledged` names the episodes whose red flags were acknowledged. `spasm export --format pdf`
/// runs it; it is a separate program so that `spasm` never loads cairo and pango.
public enum RenderCommand {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            let options = try Options(arguments)
            // One byte past the largest backup is enough to refuse it (JournalBackup.decode does).
            guard let input = try? FileHandle.standardInput.read(upToCount: JournalBackup.maximumBytes + 1) ?? Data() else {
                throw RenderError("standard input cannot be read")
            }
            let entries: [Entry]
            do { entries = try JournalBackup.decode(input) } catch {
                throw RenderError("standard input: \(error.description)")
            }
            var summary = PeriodSummary(entries: entries, period: options.period, dayStartHour: options.dayStartHour, pt: options.pt,
                                        acknowledged: options.acknowledged)
            summary.activities = options.activities
            let pdf = try ReportDocument.render(summary, advice: options.advice, paper: options.paper)
            let code = pdf.withUnsafeBytes { spasm_write_all(STDOUT_FILENO, $0.baseAddress, UInt($0.count)) }
            if code != 0 { throw RenderError("cannot write to standard output: \(String(cString: strerror(code)))", status: 74) }
            exit(0)
        } catch {
            let line = Data("spasm-render: \(error)\n".utf8)
            _ = line.withUnsafeBytes { spasm_write_all(STDERR_FILENO, $0.baseAddress, UInt($0.count)) }
            exit(error is Options.UsageError ? 64 : (error as? RenderError)?.status ?? 65)
        }
    }

    struct Options {
        struct UsageError: Error, CustomStringConvertible { var description: String }

        var period: ExportPeriod
        var paper = PaperSize.a4
        var dayStartHour = Configuration.defaults.dayStartHour
        var pt = PTSchedule(Configuration.defaults)
        /// The current suggestions for page one (`--advice FILE`, JSON as `spasm suggest --json` encodes them).
        var advice: [Advice] = []
        /// Episodes whose red flags the user acknowledged.
        var acknowledged: Set<UUID> = []
        /// The activity comparison over the period (`--activities FILE`, JSON as ActivityRisk encodes it).
        var activities: ActivityRisk?

        init(_ arguments: [String]) throws(UsageError) {
            var values: [String: String] = [:]
            var index = 0
            while index < arguments.count {
                let name = arguments[index]
                guard name.hasPrefix("--"), index + 1 < arguments.count else { throw UsageError(description: "expected --name value, got \(name)") }
                values[String(name.dropFirst(2))] = arguments[index + 1]
                index += 2
            }
            guard let from = values["from"].flatMap(CivilTime.parseISO8601), let to = values["to"].flatMap(CivilTime.parseISO8601) else {
                throw UsageError(description: "--from and --to take ISO 8601 times with an offset")
            }
            period = ExportPeriod(start: from.0, end: to.0, utcOffset: from.1, endUTCOffset: to.1)
            if let text = values["paper"] {
                guard let paper = PaperSize(rawValue: text) else { throw UsageError(description: "--paper is a4 or letter") }
                self.paper = paper
            }
            if let path = values["advice"] {
                guard let data = FileManager.default.contents(atPath: path), JSONNesting.isWithin(data),
                      let decoded = try? JSONDecoder().decode([Advice].self, from: data) else {
                    throw UsageError(description: "--advice names a file of suggestions that cannot be read: \(path)")
                }
                advice = decoded
            }
            if let text = values["acknowledged"] {
                let uuids = text.split(separator: ",").map { UUID(uuidString: String($0)) }
                guard !uuids.contains(nil) else { throw UsageError(description: "--acknowledged takes UUIDs separated by commas") }
                acknowledged = Set(uuids.compactMap { $0 })
            }
            if let path = values["activities"] {
                guard let data = FileManager.default.contents(atPath: path),
                      let decoded = try? JSONDecoder().decode(ActivityRisk.self, from: data) else {
                    throw UsageError(description: "--activities names a file that cannot be read: \(path)")
                }
                activities = decoded
            }
            if let text = values["day-start-hour"] {
                guard let hour = Int(text), (0...23).contains(hour) else { throw UsageError(description: "--day-start-hour is 0-23") }
                dayStartHour = hour
            }
            let times = values["pt-times"].map { $0.split(separator: ",").map(String.init) }
            let weekdays = values["pt-weekdays"].map { $0.split(separator: ",").map(String.init) }
            if times != nil || weekdays != nil {
                let minutes = (times ?? Configuration.defaults.ptTimes).compactMap(PTSchedule.minuteOfDay)
                let days = (weekdays ?? Configuration.defaults.ptWeekdays).compactMap(PTSchedule.weekdayNumber)
                pt = PTSchedule(minutesOfDay: minutes, weekdays: Set(days))
            }
        }
    }
}
