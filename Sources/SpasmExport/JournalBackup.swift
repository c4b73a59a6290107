import Foundation
import SpasmCore

/// The JSON backup: every entry of the journal, in a versioned document that `spasm import` restores.
///
/// ```json
/// {
///   "entries": [
///     {"at": "2026-11-29T09:12:00+01:00", "episode": {…}, "kind": "episode", "note": null, …},
///     …
///   ],
///   "format": "spasm-journal",
///   "version": 2
/// }
/// ```
/// Each entry has the shape of `spasm history --json` without the store's `id`: ids are local to one
/// journal file, the `uuid` is what identifies an entry everywhere (and what makes import idempotent).
/// Deleted entries are left out: a backup holds the journal as the user sees it, not its undo history.
/// The text is deterministic (sorted keys, entries ordered by time then uuid, no export timestamp), so
/// export → import into an empty journal → export gives the same bytes.
public enum JournalBackup {
    /// The value of "format", naming what the file is.
    public static let format = "spasm-journal"
    /// The version this spasm writes and the newest it reads: 2 added activity and check-in entries (a version 1
    /// file reads the same), so an older spasm says it needs updating instead of failing on one.
    public static let version = 2
    /// Files larger than this are refused before parsing (a 10-year journal is far smaller).
    public static let maximumBytes = 1 << 30

    struct Document: Decodable {
        var format: String
        var version: Int
        var entries: [Entry]
    }

    /// The backup of `entries`, as UTF-8 JSON text ending in a newline.
    public static func encode(_ entries: [Entry]) -> Data {
        // One entry per line: easy to read, grep and diff, and half the size of indenting every field.
        var json = JSONText(capacity: 320 * entries.count + 100, linesToDepth: 2)
        json.beginObject()
        json.key("entries")
        json.beginArray()
        for entry in entries.sorted(by: inBackupOrder) { write(entry, to: &json) }
        json.end()
        json.member("format") { $0.string(format) }
        json.member("version") { $0.integer(version) }
        json.end()
        json.appendNewline()
        return Data(json.bytes)
    }

    /// One entry with its keys in sorted order: the fields `Entry`'s Codable reads back.
    static func write(_ entry: Entry, to json: inout JSONText) {
        json.beginObject()
        json.member("at") { $0.time(entry.at, utcOffset: entry.utcOffset) }
        switch entry.body {
        case .episode(let e):
            json.key("episode")
            json.beginObject()
            json.key("ended_at")
            if let end = e.endedAt { json.time(end, utcOffset: e.endedUTCOffset ?? 0) } else { json.null() }
            json.key("red_flags")
            json.beginArray()
            for flag in e.redFlags { json.string(flag.rawValue) }
            json.end()
            json.member("region") { $0.string(e.region.rawValue) }
            json.member("severity") { $0.integer(e.severity.rawValue) }
            json.member("side") { $0.string(e.side?.rawValue) }
            json.key("triggers")
            json.beginArray()
            for tag in e.triggers { json.string(tag) }
            json.end()
            json.end()
        case .caffeine(let c):
            json.key("caffeine")
            json.beginObject()
            json.member("drink") { $0.string(c.drink) }
            json.member("milligrams") { $0.number(c.milligrams) }
            json.member("servings") { $0.number(c.servings) }
            json.end()
        case .treatment(let t):
            json.key("treatment")
            json.beginObject()
            json.member("kind") { $0.string(t.kind.rawValue) }
            json.member("minutes") { $0.integer(t.minutes) }
            json.member("name") { $0.string(t.name) }
            json.member("relief") { $0.integer(t.relief) }
            json.end()
        case .activity(let a):
            json.key("activity")
            json.beginObject()
            json.member("minutes") { $0.integer(a.minutes) }
            json.member("name") { $0.string(a.name) }
            json.end()
        case .checkin(let p):
            json.key("checkin")
            json.beginObject()
            json.member("activity") { $0.integer(p.activity) }
            json.member("enjoyment") { $0.integer(p.enjoyment) }
            json.member("pain") { $0.integer(p.pain) }
            json.end()
        }
        json.member("kind") { $0.string(entry.kind.rawValue) }
        json.member("note") { $0.string(entry.note) }
        json.member("utc_offset") { $0.integer(entry.utcOffset) }
        json.member("uuid") { $0.uuid(entry.uuid) }
        json.end()
    }

    /// Oldest first; entries at the same second by uuid, so the order never depends on a store id.
    static func inBackupOrder(_ a: Entry, _ b: Entry) -> Bool {
        if a.at != b.at { return a.at < b.at }
        // Byte order is the order of the uuid strings, without formatting them.
        return withUnsafeBytes(of: a.uuid.uuid) { x in withUnsafeBytes(of: b.uuid.uuid) { y in x.lexicographicallyPrecedes(y) } }
    }
}
