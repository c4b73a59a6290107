import ArgumentParser
import Foundation
import SpasmCore
import SpasmExport
import SpasmStore

extension Spasm {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", _superCommandName: "spasm",
            abstract: "Export the journal for an appointment, a spreadsheet, a backup or a calendar.",
            discussion: """
            Formats:
              pdf   a report a clinician reads in a minute, then the full log (default period: 90 days)
              md    a short summary to paste into a patient-portal message (default period: 90 days)
              csv   one table per file: --table episodes|caffeine|treatments|activities|checkins, or -o DIR/ for
                    all five (a missing DIR/ is created, private to you); times are your clock with its UTC offset
              json  a complete, versioned backup that 'spasm import' restores (default period: all)
              fhir  a FHIR R4 Bundle for a clinic's record system (default period: all)
              ics   the PT routine ([pt] times and weekdays) as recurring calendar events with alarms

            Examples:
              spasm export --format pdf -o appointment.pdf
              spasm export --format csv -o ~/spasm-csv/
              spasm export --format json -o backup.json && spasm import backup.json
              spasm export --format md --since 2026-01-01 --until 2026-03-31

            A file (or a new name) is written whole or not at all; a symbolic link is followed. A device,
            a FIFO, '-' or /dev/stdout is written in place as a stream. The journal, its -wal and -shm
            files and anything in spasm's data directory are refused.

            Exit status: 64 bad input, 69 spasm-render missing (pdf), 73 the output cannot be created
            or is refused (nothing is written in these cases), 74 a stream failed part way, 141 the
            reader of a pipe went away.
            """
        )

        @Option(help: "pdf, csv, json, md, fhir or ics.") var format: String
        @Option(help: "Start of the period: 90d, 12w, 1y, a date, or 'all'.") var since: String?
        @Option(help: "End of the period: a date (that whole day) or a time (default: now).") var until: String?
        @Option(help: "For csv: episodes, caffeine, treatments, activities or checkins.") var table: String?
        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Output file, a directory for all csv tables, or - for standard output (the default).", valueName: "path"))
        var output = "-"
        @OptionGroup var journal: JournalOptions

        func run() throws {
            let format = try ExportFormat(parsing: format)
            let csvTable = try table.map { text throws(InputError) in
                guard let table = CSVTable(rawValue: text.lowercased()) else {
                    throw InputError.unknown("table", text, among: CSVTable.allCases.map(\.rawValue))
                }
                return table
            }
            if csvTable != nil, format != .csv { throw InputError("table", "only applies to --format csv") }
            if format == .pdf, output == "-", isatty(STDOUT_FILENO) == 1 {
                throw InputError("output", "a PDF is not for the terminal", hint: "add -o report.pdf")
            }
            let context = try Context(journal)
            try Spasm.reportingFailures {
                if format == .ics {
                    let text = ICalendar.render(PTSchedule(context.configuration), now: context.now, utcOffset: context.utcOffset(at: context.now))
                    try OutputFile.write(Data(text.utf8), to: output, protecting: context.protectedPaths)
                    return
                }
                try export(format, table: csvTable, context: context)
            }
        }

        private func export(_ format: ExportFormat, table: CSVTable?, context: Context) throws {
            if format == .csv, table == nil, output.hasSuffix("/"), !OutputFile.isDirectory(output) {
                try OutputFile.makeDirectory(output)
            }
            if format == .csv, table == nil, !OutputFile.isDirectory(output), !output.hasSuffix("/") {
                throw InputError("table", "csv holds one table per file",
                                 hint: "add --table episodes, caffeine, treatments, activities or checkins, or give -o a directory for all five")
            }
            let bounds = try context.exportBounds(since: since ?? format.defaultSince, until: until)
            let store = try context.existingJournal()
            let entries = try store?.entries(from: bounds.start == .distantPast ? nil : bounds.start, to: bounds.end) ?? []
            let start = bounds.start == .distantPast ? (entries.first?.at ?? bounds.end) : bounds.start
            // Each end's date at the offset of its own moment: a period across a clock change
            // ("--until 2020-12-31" in summer) still ends on the day asked for.
            var period = ExportPeriod(start: start, end: bounds.end, utcOffset: context.utcOffset(at: start))
            period.endUTCOffset = context.utcOffset(at: period.lastSecond)
            if entries.isEmpty { standardError("spasm: no entries from \(period.description); the export is empty") }

            switch format {
            case .json:
                try OutputFile.write(JournalBackup.encode(entries), to: output, protecting: context.protectedPaths)
            case .csv:
                if let table {
                    try OutputFile.write(Data(CSVExport.renderBytes(table, entries: entries)), to: output, protecting: context.protectedPaths)
                } else {
                    guard OutputFile.isDirectory(output) else {
                        throw OutputFile.Failure(status: 73, description: "cannot write to the directory \(output): it does not exist; nothing was written")
                    }
                    // All or none: a disk that fills on the last one leaves no earlier file behind.
                    let files = CSVTable.allCases.map { ("\($0.rawValue).csv", Data(CSVExport.renderBytes($0, entries: entries))) }
                    try OutputFile.write(files, into: output, protecting: context.protectedPaths)
                }
            case .fhir:
                let data = FHIRBundle.render(entries, patient: UUID(), bundle: UUID(), now: context.now, utcOffset: context.utcOffset(at: context.now))
                try OutputFile.write(data, to: output, protecting: context.protectedPaths)
            case .md, .pdf:
                // The period of equal length before, for the comparison, and every red flag ever reported.
                let before = period.start.addingTimeInterval(-period.end.timeIntervalSince(period.start))
                let earlier = try (store?.redFlagEpisodes(before: before) ?? []) + (store?.entries(from: before, to: period.start) ?? [])
                let acknowledgedIDs = try store?.acknowledgedRedFlags() ?? []
                let acknowledged = Set((earlier + entries).filter { $0.id.map(acknowledgedIDs.contains) == true }.map(\.uuid))
                // The same comparison `spasm suggest` makes, over the exported period.
                let activities = ActivityRisk(entries: entries, from: period.start, to: min(period.end, context.now),
                                              utcOffset: period.utcOffset, configuration: context.configuration)
                if format == .md {
                    var summary = PeriodSummary(entries: earlier + entries, period: period, dayStartHour: context.configuration.dayStartHour,
                                                pt: PTSchedule(context.configuration), acknowledged: acknowledged)
                    summary.activities = activities
                    try OutputFile.write(Data(MarkdownSummary.render(summary).utf8), to: output, protecting: context.protectedPaths)
                } else {
                    // Page one carries today's suggestions, as `spasm suggest` gives them.
                    var advice: [Advice] = []
                    if let store {
                        let advisor = Advisor(configuration: context.configuration)
                        let recent = try store.entriesForAnalysis(from: advisor.historyStart(now: context.now, calendar: context.calendar))
                        advice = advisor.advice(entries: recent, acknowledgedRedFlags: acknowledgedIDs,
                                                now: context.now, calendar: context.calendar)
                    }
                    let pdf = try ReportRenderer.render(earlier + entries, advice: advice, activities: activities, acknowledged: acknowledged,
                                                        period: period, configuration: context.configuration)
                    try OutputFile.write(pdf, to: output, protecting: context.protectedPaths)
                }
            case .ics:
                break
            }
        }
    }
}

/// The formats `spasm export` writes.
enum ExportFormat: String, CaseIterable {
    case pdf, csv, json, md, fhir, ics

    init(parsing text: String) throws(InputError) {
        let key = text.lowercased()
        guard let format = ExportFormat(rawValue: key == "markdown" ? "md" : key) else {
            throw InputError.unknown("format", text, among: ExportFormat.allCases.map(\.rawValue))
        }
        self = format
    }

    /// A report covers the recent past; a backup or a record transfer covers everything.
    var defaultSince: String {
        switch self {
        case .pdf, .md: "90d"
        default: "all"
        }
    }
}
