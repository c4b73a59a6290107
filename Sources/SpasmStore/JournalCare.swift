import Foundation
import GRDB
import SpasmCore

/// A reminder as the journal keeps it: its number, its key and its latest state.
public struct StoredReminder: Sendable, Equatable {
    /// What the user types: `spasm done 17`.
    public var number: Int
    public var key: ReminderID
    public var kind: ReminderKind
    public var record: ReminderRecord
    /// The answer given through a button or the CLI, if any.
    public var answer: ReminderAnswer?
    /// The treatment its Done recorded.
    public var entryID: EntryID?
}

/// What the planner reads from the journal.
public struct CareInputs: Sendable {
    public var entries: [Entry]
    public var records: [ReminderRecord]
    public var pause: PauseWindow?
}

extension Journal {
    // MARK: - Reminders

    /// The recent entries, the reminders' recorded states and the pause: all the planner needs at `now`.
    /// Only the weeks care can still follow are read, so planning costs the same on a ten-year journal.
    public func careInputs(now: Date, settings: ReminderSettings) throws -> CareInputs {
        let lookback = max(CarePlanner.lookback, TimeInterval(settings.missedAfterMinutes) * 60)
        let since = now - lookback - TimeInterval(settings.careDays + 3) * 86_400
        let until = now + TimeInterval(settings.horizonHours + 1) * 3600
        return try guarded {
            try writer.read { db in
                let entries = try EntryRows.fetchAll(db, where: "e.at >= ? AND e.at < ? AND e.deleted_at IS NULL",
                                                     arguments: [Self.seconds(since), Self.seconds(until)])
                let records = try Self.storedReminders(db, where: "state <> 'planned' AND state_at >= ?",
                                                       arguments: [Self.seconds(since)]).map(\.record)
                return CareInputs(entries: entries, records: records, pause: try Self.pause(db, now: now))
            }
        }
    }

    /// Gives each reminder a number, keeping the numbers of those already known.
    ///
    /// A read when every reminder has its number, which is nearly every replan: only new reminders
    /// cost a write (and its fsync).
    public func numbers(for reminders: [Reminder], now: Date) throws -> [ReminderID: Int] {
        guard !reminders.isEmpty else { return [:] }
        return try guarded {
            var numbers = try writer.read { db in try Self.knownNumbers(of: reminders, db: db) }
            let new = reminders.filter { numbers[$0.id] == nil }
            guard !new.isEmpty else { return numbers }
            try writer.write { db in
                let insert = try db.makeStatement(sql: """
                    INSERT OR IGNORE INTO reminder (key, kind, state, state_at, due) VALUES (?, ?, 'planned', ?, ?)
                    """)
                for reminder in new {
                    try insert.execute(arguments: [reminder.id, reminder.kind.rawValue, Self.seconds(now), Self.seconds(reminder.due)])
                }
                numbers = try Self.knownNumbers(of: reminders, db: db)
            }
            return numbers
        }
    }

    private static func knownNumbers(of reminders: [Reminder], db: Database) throws -> [ReminderID: Int] {
        let select = try db.makeStatement(sql: "SELECT number FROM reminder WHERE key = ?")
        var numbers: [ReminderID: Int] = [:]
        for reminder in reminders { numbers[reminder.id] = try Int.fetchOne(select, arguments: [reminder.id]) }
        return numbers
    }

    /// Records where a reminder stands (shown, undelivered, missed); returns its number.
    @discardableResult
    public func record(_ reminder: Reminder, state: ReminderState, at: Date) throws -> Int {
        try guarded {
            try writer.write { db in try Self.record(reminder.id, kind: reminder.kind, state: state, at: at, due: reminder.due, db: db) }
        }
    }

    public func reminder(number: Int) throws -> StoredReminder? {
        try guarded { try writer.read { db in try Self.storedReminders(db, where: "number = ?", arguments: [number]).first } }
    }

    public func reminder(key: ReminderID) throws -> StoredReminder? {
        try guarded { try writer.read { db in try Self.storedReminders(db, where: "key = ?", arguments: [key]).first } }
    }

    /// Applies the user's answer: the reminder's new state, plus what it records (a Done's treatment,
    /// the relief on the session's treatment, a red flag acknowledged), in one transaction.
    ///
    /// Answering the same way twice changes nothing the second time, so a retried request or a
    /// double click never records two treatments.
    public func answer(_ number: Int, with answer: ReminderAnswer, now: Date, utcOffset: Int,
                       settings: ReminderSettings) throws -> StoredReminder {
        try guarded {
            try writer.write { db in
                guard let stored = try Self.storedReminders(db, where: "number = ?", arguments: [number]).first else {
                    throw NoSuchReminder(number: number)
                }
                if stored.answer == answer, stored.record.state.isFinal { return stored }
                if stored.record.state.isFinal {
                    throw InputError("reminder", "reminder \(number) is already \(stored.record.state.name)")
                }
                guard let outcome = ReminderOutcome.of(answer, to: stored.kind, now: now, settings: settings) else {
                    let choices = ReminderAnswer.choices(for: stored.kind).map(\.rawValue).joined(separator: ", ")
                    throw InputError("answer", "reminder \(number) (\(stored.kind.rawValue)) takes \(choices), not \(answer.rawValue)")
                }
                var entryID: EntryID?
                if let treatment = outcome.treatment {
                    let entry = Entry(at: Self.wholeSecond(now), utcOffset: utcOffset, body: .treatment(treatment))
                    entryID = try EntryRows.insert(entry, db: db, now: now)
                    try Self.record(.add, entry: entryID!, before: nil, db: db, now: now)
                }
                if let relief = answer.relief { try Self.recordRelief(relief, answer: answer, for: stored.key, db: db, now: now) }
                if answer == .done, let episode = stored.key.redFlagEpisode {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO red_flag_acknowledgement (entry_id, acknowledged_at)
                        SELECT id, ? FROM entry WHERE uuid = ?
                        """, arguments: [Self.seconds(now), episode.uuidString.lowercased()])
                }
                try Self.record(stored.key, kind: stored.kind, state: outcome.state, at: now, due: stored.record.due, db: db)
                try db.execute(sql: "UPDATE reminder SET answer = ?, entry_id = coalesce(?, entry_id) WHERE number = ?",
                               arguments: [answer.rawValue, entryID, number])
                return try Self.storedReminders(db, where: "number = ?", arguments: [number]).first!
            }
        }
    }

    /// The relief answer goes on the treatment that the session's own Done recorded.
    private static func recordRelief(_ relief: Int, answer: ReminderAnswer, for key: ReminderID, db: Database, now: Date) throws {
        guard let start = key.sessionStartID,
              let entryID = try EntryID.fetchOne(db, sql: "SELECT entry_id FROM reminder WHERE key = ?", arguments: [start]),
              let old = try EntryRows.fetch(db, id: entryID), var treatment = old.treatment else { return }
        treatment.relief = relief
        var new = old
        new.body = .treatment(treatment)
        if answer == .worse { new.note = [old.note, "felt worse after this session"].compactMap { $0 }.joined(separator: "\n") }
        _ = try replace(old, with: new, db: db, now: now)
    }

    // MARK: - Pause

    /// The pause in force at `now`, if any.
    public func pause(now: Date) throws -> PauseWindow? {
        try guarded { try writer.read { db in try Self.pause(db, now: now) } }
    }

    /// Holds back everything but red flags until `until`.
    public func setPause(_ window: PauseWindow) throws {
        try guarded {
            try writer.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO care_pause (id, from_at, until_at) VALUES (1, ?, ?)",
                               arguments: [Self.seconds(window.from), Self.seconds(window.until)])
            }
        }
    }

    /// Ends a pause early; true when one was in force.
    @discardableResult
    public func clearPause(now: Date) throws -> Bool {
        try guarded {
            try writer.write { db in
                let active = try Self.pause(db, now: now) != nil
                try db.execute(sql: "DELETE FROM care_pause")
                return active
            }
        }
    }

    private static func pause(_ db: Database, now: Date) throws -> PauseWindow? {
        guard let row = try Row.fetchOne(db, sql: "SELECT from_at, until_at FROM care_pause WHERE until_at > ?",
                                         arguments: [seconds(now)]) else { return nil }
        return PauseWindow(from: Date(timeIntervalSince1970: Double(row[0] as Int64)),
                           until: Date(timeIntervalSince1970: Double(row[1] as Int64)))
    }

    // MARK: - Rows

    private static func record(_ key: ReminderID, kind: ReminderKind, state: ReminderState, at: Date, due: Date?,
                               db: Database) throws -> Int {
        var until: Int64?
        if case .snoozed(let date) = state { until = seconds(date) }
        try db.execute(sql: """
            INSERT INTO reminder (key, kind, state, state_at, due, snoozed_until) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET state = excluded.state, state_at = excluded.state_at,
                due = coalesce(excluded.due, due), snoozed_until = excluded.snoozed_until
            """, arguments: [key, kind.rawValue, state.name, seconds(at), due.map(seconds), until])
        return try Int.fetchOne(db, sql: "SELECT number FROM reminder WHERE key = ?", arguments: [key])!
    }

    private static func storedReminders(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [StoredReminder] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT number, key, kind, state, state_at, due, snoozed_until, answer, entry_id FROM reminder WHERE \(condition)
            """, arguments: arguments)
        return rows.compactMap { row -> StoredReminder? in
            guard let kind = ReminderKind(rawValue: row["kind"]) else { return nil }
            let date = { (column: String) in (row[column] as Int64?).map { Date(timeIntervalSince1970: Double($0)) } }
            let state: ReminderState
            switch row["state"] as String {
            case "shown": state = .shown
            case "done": state = .done
            case "snoozed": state = .snoozed(until: date("snoozed_until") ?? date("state_at")!)
            case "skipped": state = .skipped
            case "missed": state = .missed
            case "undelivered": state = .undelivered
            default: state = .planned
            }
            let record = ReminderRecord(id: row["key"], state: state, at: date("state_at")!, due: date("due"))
            return StoredReminder(number: row["number"], key: row["key"], kind: kind, record: record,
                                  answer: (row["answer"] as String?).flatMap(ReminderAnswer.init(rawValue:)),
                                  entryID: row["entry_id"])
        }
    }
}
