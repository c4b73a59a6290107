import Foundation
import GRDB
import SpasmCore

/// What `undo` reversed.
public struct UndoneChange: Sendable {
    public enum Action: String, Sendable, Codable { case add, edit, delete }
    /// The change that was reversed.
    public var action: Action
    /// The entry as it is after the undo.
    public var entry: Entry

    public init(action: Action, entry: Entry) {
        self.action = action
        self.entry = entry
    }
}

extension Journal {
    // MARK: - Writing

    /// Saves a new entry and returns it with its id.
    ///
    /// Idempotent on the entry's uuid: a retried write returns the entry already saved.
    public func add(_ entry: Entry, now: Date) throws -> Entry {
        return try guarded {
            try writer.write { db in
                if let existing = try EntryRows.fetch(db, uuid: entry.uuid) { return existing }
                var saved = entry
                saved.at = Self.wholeSecond(entry.at)
                if case .episode(var episode) = saved.body, let end = episode.endedAt {
                    episode.endedAt = Self.wholeSecond(end)
                    saved.body = .episode(episode)
                }
                saved.id = try EntryRows.insert(saved, db: db, now: now)
                try Self.record(.add, entry: saved.id!, before: nil, db: db, now: now)
                return saved
            }
        }
    }

    /// Ends an episode: the one named, or the most recent open one.
    /// - Parameter request: a client-chosen id; a retry with the same id returns the first result.
    public func endEpisode(id: EntryID?, at end: Date, utcOffset: Int, request: UUID? = nil, now: Date) throws -> Entry {
        try guarded {
            try writer.write { db in
                if let done = try Self.applied(request, db: db), let entry = done.entry { return entry }
                let target: Entry
                if let id {
                    guard let entry = try EntryRows.fetch(db, id: id) else { throw NoSuchEntry(id: id) }
                    target = entry
                } else {
                    guard let open = try EntryRows.latestOpenEpisode(db) else {
                        throw InputError("episode", "there is no open episode to end", hint: "log one with 'spasm log', or name an id")
                    }
                    target = open
                }
                guard var episode = target.episode else {
                    throw InputError("id", "#\(target.id!) is a \(target.kind.rawValue) entry, not an episode")
                }
                if let ended = episode.endedAt {
                    throw InputError("episode", "#\(target.id!) already ended at \(CivilTime(ended, utcOffset: episode.endedUTCOffset ?? 0).short)",
                                     hint: "use 'spasm edit \(target.id!) --end TIME' to change it")
                }
                episode.endedAt = Self.wholeSecond(end)
                episode.endedUTCOffset = utcOffset
                var changed = target
                changed.body = .episode(episode)
                let saved = try Self.replace(target, with: changed, db: db, now: now)
                try Self.remember(request, action: .edit, entry: saved.id, db: db, now: now)
                return saved
            }
        }
    }

    /// Replaces an entry's contents (same id, same kind), keeping the old version for undo.
    public func update(_ entry: Entry, request: UUID? = nil, now: Date) throws -> Entry {
        guard let id = entry.id else { throw InputError("id", "missing") }
        return try guarded {
            try writer.write { db in
                if let done = try Self.applied(request, db: db), let entry = done.entry { return entry }
                guard let old = try EntryRows.fetch(db, id: id) else { throw NoSuchEntry(id: id) }
                guard old.kind == entry.kind else {
                    throw InputError("id", "#\(id) is a \(old.kind.rawValue) entry, not a \(entry.kind.rawValue)")
                }
                var new = entry
                new.uuid = old.uuid
                new.at = Self.wholeSecond(entry.at)
                if case .episode(var episode) = new.body, let end = episode.endedAt {
                    episode.endedAt = Self.wholeSecond(end)
                    new.body = .episode(episode)
                }
                let saved = try Self.replace(old, with: new, db: db, now: now)
                try Self.remember(request, action: .edit, entry: id, db: db, now: now)
                return saved
            }
        }
    }

    /// Deletes an entry. It is kept in the file, marked deleted, so `undo` can bring it back.
    public func delete(id: EntryID, request: UUID? = nil, now: Date) throws -> Entry {
        try guarded {
            try writer.write { db in
                if let done = try Self.applied(request, db: db), let entry = done.entry { return entry }
                guard let entry = try EntryRows.fetch(db, id: id) else { throw NoSuchEntry(id: id) }
                try db.execute(sql: "UPDATE entry SET deleted_at = ? WHERE id = ?", arguments: [Self.seconds(now), id])
                try Self.record(.delete, entry: id, before: nil, db: db, now: now)
                try Self.remember(request, action: .delete, entry: id, db: db, now: now)
                return entry
            }
        }
    }

    /// Reverses the most recent change that has not been undone yet; nil when there is none.
    public func undo(request: UUID? = nil, now: Date) throws -> UndoneChange? {
        try guarded {
            try writer.write { db in
                if let done = try Self.applied(request, db: db) {
                    guard let action = done.action, let entry = done.entry else { return nil }
                    return UndoneChange(action: action, entry: entry)
                }
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT id, at, action, entry_id, before FROM change WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1
                    """) else {
                    try Self.remember(request, action: nil, entry: nil, db: db, now: now)
                    return nil
                }
                let changeID: Int64 = row["id"], entryID: EntryID = row["entry_id"]
                try Self.refuseUndoAcrossImport(after: row["at"], db: db)
                let action = UndoneChange.Action(rawValue: row["action"])!
                switch action {
                case .add:
                    try db.execute(sql: "UPDATE entry SET deleted_at = ? WHERE id = ?", arguments: [Self.seconds(now), entryID])
                case .delete:
                    try db.execute(sql: "UPDATE entry SET deleted_at = NULL WHERE id = ?", arguments: [entryID])
                case .edit:
                    let before = try JSONDecoder().decode(Entry.self, from: Data((row["before"] as String).utf8))
                    try EntryRows.overwrite(before, id: entryID, db: db, now: now)
                }
                try db.execute(sql: "UPDATE change SET undone_at = ? WHERE id = ?", arguments: [Self.seconds(now), changeID])
                try Self.remember(request, action: action, entry: entryID, db: db, now: now)
                guard let entry = try EntryRows.fetch(db, id: entryID, includingDeleted: true) else { return nil }
                return UndoneChange(action: action, entry: entry)
            }
        }
    }

    // MARK: - Helpers

    /// An import (or any bulk add) records no undo step; if one came after the latest change, undoing
    /// that change would reverse something older than what the user just did. Imported entries are
    /// the ones with no `add` in the change log, made at or after the change.
    private static func refuseUndoAcrossImport(after changeAt: Int64, db: Database) throws {
        let imported = try Bool.fetchOne(db, sql: """
            SELECT 1 FROM entry e WHERE e.created_at >= ?
               AND NOT EXISTS (SELECT 1 FROM change c WHERE c.entry_id = e.id AND c.action = 'add') LIMIT 1
            """, arguments: [changeAt]) ?? false
        if imported {
            throw InputError("undo", "the latest change is an import, which undo does not reverse (nor anything before it)",
                             hint: "remove imported entries with 'spasm delete ID'")
        }
    }

    static func replace(_ old: Entry, with new: Entry, db: Database, now: Date) throws -> Entry {
        try new.validate(now: now)
        let before = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        try EntryRows.overwrite(new, id: old.id!, db: db, now: now)
        try record(.edit, entry: old.id!, before: before, db: db, now: now)
        var saved = new
        saved.id = old.id
        return saved
    }

    static func record(_ action: UndoneChange.Action, entry: EntryID, before: String?, db: Database, now: Date) throws {
        try db.execute(sql: "INSERT INTO change (at, action, entry_id, before) VALUES (?, ?, ?, ?)",
                       arguments: [seconds(now), action.rawValue, entry, before])
    }

    /// What a request already did, if this request id was applied before.
    private static func applied(_ request: UUID?, db: Database) throws -> (action: UndoneChange.Action?, entry: Entry?)? {
        guard let request else { return nil }
        guard let row = try Row.fetchOne(db, sql: "SELECT action, entry_id FROM applied_request WHERE request = ?",
                                         arguments: [request.uuidString.lowercased()]) else { return nil }
        let entry = try (row["entry_id"] as EntryID?).flatMap { try EntryRows.fetch(db, id: $0, includingDeleted: true) }
        return ((row["action"] as String?).flatMap(UndoneChange.Action.init(rawValue:)), entry)
    }

    private static func remember(_ request: UUID?, action: UndoneChange.Action?, entry: EntryID?, db: Database, now: Date) throws {
        guard let request else { return }
        try db.execute(sql: "INSERT INTO applied_request (request, action, entry_id, at) VALUES (?, ?, ?, ?)",
                       arguments: [request.uuidString.lowercased(), action?.rawValue ?? "none", entry, seconds(now)])
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
    static func wholeSecond(_ date: Date) -> Date { Date(timeIntervalSince1970: Double(seconds(date))) }
}

extension Journal {
    /// Saves many entries in one transaction, skipping any whose uuid is already saved.
    ///
    /// For imports and generated journals: these are not recorded for `undo` one by one.
    /// - Returns: how many entries were added.
    @discardableResult
    public func add(contentsOf entries: [Entry], now: Date) throws -> Int {
        try addNew(entries, now: now).count
    }

    /// Saves many entries in one transaction, skipping any whose uuid is already saved (or appears
    /// earlier in `entries`), and returns those it added, with their ids. All or nothing.
    public func addNew(_ entries: [Entry], now: Date) throws -> [Entry] {
        return try guarded {
            try writer.write { db in
                var added: [Entry] = []
                let known = try db.makeStatement(sql: "SELECT 1 FROM entry WHERE uuid = ?")
                for entry in entries where try Bool.fetchOne(known, arguments: [entry.uuid.uuidString.lowercased()]) == nil {
                    var saved = entry
                    saved.id = try EntryRows.insert(entry, db: db, now: now)
                    added.append(saved)
                }
                return added
            }
        }
    }
}
