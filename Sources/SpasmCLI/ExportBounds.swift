import Foundation
import SpasmCore
import SpasmExport
import SpasmStore

extension Context {
    /// The instants `--since` and `--until` name. A bare date for `--until` means the whole of that day;
    /// `--since all` gives `Date.distantPast` (the caller starts the period at the first entry).
    func exportBounds(since: String, until: String?) throws -> (start: Date, end: Date) {
        let start = try TimeExpression.since(since, now: now, calendar: calendar)
        var end = now.addingTimeInterval(1)   // the current second is part of "now"
        if let until {
            let text = until.trimmingCharacters(in: .whitespaces)
            let date = text.split(separator: "-").compactMap { Int($0) }
            if text.count == 10, date.count == 3, CivilTime.parseISO8601(text + "T00:00:00Z") != nil {
                end = min(calendar.date(from: DateComponents(year: date[0], month: date[1], day: date[2] + 1)) ?? now, now)
            } else {
                end = try TimeExpression.past(text, now: now, calendar: calendar).addingTimeInterval(1)
            }
        }
        guard start <= end else {
            throw InputError("until", "is before the start of the period", hint: "give --until a time after --since")
        }
        return (start, end)
    }

    /// The journal if its file exists: exporting never creates one.
    func existingJournal() throws -> Journal? {
        let path = Locations.journal(override: options.db)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try openJournalForReading()
    }
}
