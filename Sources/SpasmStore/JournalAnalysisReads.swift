import Foundation
import GRDB
import SpasmCore

extension Journal {
    // MARK: - Reading for statistics and suggestions

    /// The uuid every entry from `entriesForAnalysis` carries: those entries are read-only snapshots.
    public static let analysisUUID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// Entries from `start` (inclusive) on, oldest first, holding only what statistics and suggestions
    /// read: time, offset, region, severity, triggers, red flags, caffeine mg, treatment kind and relief,
    /// activity name and minutes (check-ins are not among them).
    ///
    /// No notes, no episode ends, medicine names or drinks, and `analysisUUID` for every uuid: never write
    /// these back. Columns are read by position and no uuid is parsed, so a ten-year journal loads several
    /// times faster than with `entries(from:to:kinds:)`.
    public func entriesForAnalysis(from start: Date?) throws -> [Entry] {
        let since = start.map(Journal.seconds) ?? Int64.min
        return try guarded {
            try writer.read { db in
                var entries: [Entry] = []
                var episodeIndex: [EntryID: Int] = [:]
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT e.id, e.at, e.utc_offset, ep.region, ep.severity, c.milligrams, t.kind, t.relief, a.name, a.minutes
                    FROM entry e
                    LEFT JOIN episode ep ON ep.entry_id = e.id
                    LEFT JOIN caffeine c ON c.entry_id = e.id
                    LEFT JOIN treatment t ON t.entry_id = e.id
                    LEFT JOIN activity a ON a.entry_id = e.id
                    WHERE e.deleted_at IS NULL AND e.at >= ? AND e.kind IN ('episode', 'caffeine', 'treatment', 'activity')
                    ORDER BY e.at, e.id
                    """, arguments: [since])
                while let row = try rows.next() {
                    let id: EntryID = row[0]
                    let body: Entry.Body
                    if let level: Int = row[4] {
                        guard let severity = Severity(rawValue: level), let region = BodyRegion(rawValue: row[3]) else {
                            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "episode #\(id) has an unknown region or severity")
                        }
                        episodeIndex[id] = entries.count
                        body = .episode(Episode(region: region, severity: severity))
                    } else if let mg: Double = row[5] {
                        body = .caffeine(CaffeineIntake(milligrams: mg))
                    } else if let kind = (row[6] as String?).flatMap(TreatmentKind.init(rawValue:)) {
                        body = .treatment(Treatment(unchecked: kind, minutes: nil, relief: row[7], name: nil))
                    } else if let name: String = row[8] {
                        body = .activity(Activity(unchecked: name, minutes: row[9]))
                    } else {
                        throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "entry #\(id) has no body")
                    }
                    entries.append(Entry(id: id, uuid: Self.analysisUUID, at: Date(timeIntervalSince1970: Double(row[1] as Int64)),
                                         utcOffset: row[2], body: body))
                }
                guard !episodeIndex.isEmpty else { return entries }
                let scope = "entry_id IN (SELECT id FROM entry WHERE deleted_at IS NULL AND kind = 'episode' AND at >= ?)"
                try EntryRows.attachTags(to: &entries, episodeIndex: episodeIndex, scope: scope, arguments: [since], db: db)
                return entries
            }
        }
    }
}
