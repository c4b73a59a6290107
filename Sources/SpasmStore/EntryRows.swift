import Foundation
import GRDB
import SpasmCore

/// Reading and writing entries as rows of the entry table and its per-kind tables.
enum EntryRows {
    static let select = """
        SELECT e.id, e.uuid, e.kind, e.at, e.utc_offset, e.note,
               ep.region, ep.side, ep.severity, ep.ended_at, ep.ended_utc_offset,
               c.milligrams, c.drink, c.servings,
               t.kind AS treatment, t.minutes, t.relief, t.name,
               a.name AS activity, a.minutes AS activity_minutes,
               p.pain, p.enjoyment, p.activity AS peg_activity
        FROM entry e
        LEFT JOIN episode ep ON ep.entry_id = e.id
        LEFT JOIN caffeine c ON c.entry_id = e.id
        LEFT JOIN treatment t ON t.entry_id = e.id
        LEFT JOIN activity a ON a.entry_id = e.id
        LEFT JOIN checkin p ON p.entry_id = e.id
        """

    // MARK: Writing

    /// Every new entry passes `Entry.validate(now:)` here, whoever sent it; a failure rolls back the
    /// whole transaction, so nothing is written.
    static func insert(_ entry: Entry, db: Database, now: Date) throws -> EntryID {
        try entry.validate(now: now)
        try db.execute(sql: """
            INSERT INTO entry (uuid, kind, at, utc_offset, note, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [entry.uuid.uuidString.lowercased(), entry.kind.rawValue, Journal.seconds(entry.at),
                             entry.utcOffset, entry.note, Journal.seconds(now)])
        let id = db.lastInsertedRowID
        try insertBody(entry.body, id: id, db: db)
        return id
    }

    /// Rewrites an entry's fields and body in place.
    static func overwrite(_ entry: Entry, id: EntryID, db: Database, now: Date) throws {
        try db.execute(sql: "UPDATE entry SET at = ?, utc_offset = ?, note = ?, updated_at = ? WHERE id = ?",
                       arguments: [Journal.seconds(entry.at), entry.utcOffset, entry.note, Journal.seconds(now), id])
        for table in ["episode_trigger", "episode_red_flag", "episode", "caffeine", "treatment", "activity", "checkin"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE entry_id = ?", arguments: [id])
        }
        try insertBody(entry.body, id: id, db: db)
    }

    private static func insertBody(_ body: Entry.Body, id: EntryID, db: Database) throws {
        switch body {
        case .episode(let e):
            try db.execute(sql: """
                INSERT INTO episode (entry_id, region, side, severity, ended_at, ended_utc_offset) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, e.region.rawValue, e.side?.rawValue, e.severity.rawValue,
                                 e.endedAt.map(Journal.seconds), e.endedUTCOffset])
            for (position, tag) in e.triggers.enumerated() {
                try db.execute(sql: "INSERT INTO episode_trigger (entry_id, position, tag) VALUES (?, ?, ?)",
                               arguments: [id, position, tag])
            }
            for (position, flag) in e.redFlags.enumerated() {
                try db.execute(sql: "INSERT INTO episode_red_flag (entry_id, position, flag) VALUES (?, ?, ?)",
                               arguments: [id, position, flag.rawValue])
            }
        case .caffeine(let c):
            try db.execute(sql: "INSERT INTO caffeine (entry_id, milligrams, drink, servings) VALUES (?, ?, ?, ?)",
                           arguments: [id, c.milligrams, c.drink, c.servings])
        case .treatment(let t):
            try db.execute(sql: "INSERT INTO treatment (entry_id, kind, minutes, relief, name) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, t.kind.rawValue, t.minutes, t.relief, t.name])
        case .checkin(let p):
            try db.execute(sql: "INSERT INTO checkin (entry_id, pain, enjoyment, activity) VALUES (?, ?, ?, ?)",
                           arguments: [id, p.pain, p.enjoyment, p.activity])
        case .activity(let a):
            try db.execute(sql: "INSERT INTO activity (entry_id, name, minutes) VALUES (?, ?, ?)", arguments: [id, a.name, a.minutes])
        }
    }

    // MARK: Reading

    static func fetch(_ db: Database, id: EntryID, includingDeleted: Bool = false) throws -> Entry? {
        let live = includingDeleted ? "" : " AND e.deleted_at IS NULL"
        return try fetchAll(db, where: "e.id = ?\(live)", arguments: [id]).first
    }

    static func fetch(_ db: Database, uuid: UUID) throws -> Entry? {
        try fetchAll(db, where: "e.uuid = ?", arguments: [uuid.uuidString.lowercased()]).first
    }

    static func latestOpenEpisode(_ db: Database) throws -> Entry? {
        try fetchAll(db, where: "ep.ended_at IS NULL AND e.kind = 'episode' AND e.deleted_at IS NULL",
                     arguments: [], order: "e.at DESC, e.id DESC LIMIT 1").first
    }

    /// Entries matching `condition`, with their tags, oldest first unless `order` says otherwise.
    static func fetchAll(_ db: Database, where condition: String, arguments: StatementArguments,
                         order: String = "e.at, e.id") throws -> [Entry] {
        var entries: [Entry] = []
        var episodeIndex: [EntryID: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "\(select) WHERE \(condition) ORDER BY \(order)", arguments: arguments)
        while let row = try rows.next() {
            let entry = try decode(row)
            if entry.kind == .episode { episodeIndex[entry.id!] = entries.count }
            entries.append(entry)
        }
        guard !episodeIndex.isEmpty else { return entries }
        // Tags in two passes over the matching episodes rather than one query per episode.
        let scope = "entry_id IN (SELECT e.id FROM entry e LEFT JOIN episode ep ON ep.entry_id = e.id WHERE \(condition))"
        try attachTags(to: &entries, episodeIndex: episodeIndex, scope: scope, arguments: arguments, db: db)
        return entries
    }

    /// Fills in the triggers and red flags of the episodes at `episodeIndex` (by id), for the episodes
    /// `scope` (a condition on entry_id) selects.
    static func attachTags(to entries: inout [Entry], episodeIndex: [EntryID: Int], scope: String,
                           arguments: StatementArguments, db: Database) throws {
        let triggers = try Row.fetchCursor(db, sql: "SELECT entry_id, tag FROM episode_trigger WHERE \(scope) ORDER BY entry_id, position", arguments: arguments)
        while let row = try triggers.next() {
            guard let index = episodeIndex[row[0]], case .episode(var e) = entries[index].body else { continue }
            e.triggers.append(row[1])
            entries[index].body = .episode(e)
        }
        let flags = try Row.fetchCursor(db, sql: "SELECT entry_id, flag FROM episode_red_flag WHERE \(scope) ORDER BY entry_id, position", arguments: arguments)
        while let row = try flags.next() {
            guard let index = episodeIndex[row[0]], case .episode(var e) = entries[index].body,
                  let flag = RedFlag(rawValue: row[1]) else { continue }
            e.redFlags.append(flag)
            entries[index].body = .episode(e)
        }
    }

    private static func decode(_ row: Row) throws -> Entry {
        let id: EntryID = row["id"]
        guard let kind = Entry.Kind(rawValue: row["kind"]), let uuid = UUIDText.parse(row["uuid"]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "entry #\(id) has an unknown kind or uuid")
        }
        let body: Entry.Body
        switch kind {
        case .episode:
            guard let region = BodyRegion(rawValue: row["region"]), let severity = Severity(rawValue: row["severity"]) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "episode #\(id) has an unknown region or severity")
            }
            let ended: Int64? = row["ended_at"]
            body = .episode(Episode(region: region, side: (row["side"] as String?).flatMap(BodySide.init(rawValue:)),
                                    severity: severity, endedAt: ended.map { Date(timeIntervalSince1970: Double($0)) },
                                    endedUTCOffset: row["ended_utc_offset"]))
        case .caffeine:
            body = .caffeine(CaffeineIntake(milligrams: row["milligrams"], drink: row["drink"], servings: row["servings"]))
        case .treatment:
            guard let treatment = TreatmentKind(rawValue: row["treatment"]) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "treatment #\(id) has an unknown kind")
            }
            body = .treatment(Treatment(unchecked: treatment, minutes: row["minutes"], relief: row["relief"], name: row["name"]))
        case .checkin:
            guard let pain = row["pain"] as Int?, let enjoyment = row["enjoyment"] as Int?, let activity = row["peg_activity"] as Int? else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "check-in #\(id) has no answers")
            }
            body = .checkin(CheckIn(unchecked: pain, enjoyment: enjoyment, activity: activity))
        case .activity:
            guard let name: String = row["activity"] else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "activity #\(id) has no name")
            }
            body = .activity(Activity(unchecked: name, minutes: row["activity_minutes"]))
        }
        return Entry(id: id, uuid: uuid, at: Date(timeIntervalSince1970: Double(row["at"] as Int64)),
                     utcOffset: row["utc_offset"], note: row["note"], body: body)
    }
}
