import Foundation
import SpasmCore

/// The JSON backup: every entry of the journal, in a versioned document that `spasm import` restores.
///
/// ```json
/// {"entries": [ … ], "format": "spasm-journal", "version": 1}
/// ```
/// Each entry has the shape of `spasm history --json` without the store's `id`: ids are local to one
/// journal file, the `uuid` is what identifies an entry everywhere (and what makes import idempotent).
/// Deleted entries are left out: a backup holds the journal as the user sees it, not its undo history.
/// The text is deterministic (sorted keys, entries ordered by time then uuid, no export timestamp), so
/// export → import into an empty journal → export gives the same bytes.
public enum JournalBackup {
    /// The value of "format", naming what the file is.
    public static let format = "spasm-journal"
    /// The version this spasm writes and the newest it reads.
    public static let version = 1
    /// Files larger than this are refused before parsing (a 10-year journal is far smaller).
    public static let maximumBytes = 1 << 30

    struct Document: Codable {
        var format: String
        var version: Int
        var entries: [Entry]
    }

    /// The backup of `entries`, as UTF-8 JSON text ending in a newline.
    public static func encode(_ entries: [Entry]) throws -> Data {
        let ordered = entries.map { entry in
            var copy = entry
            copy.id = nil
            return copy
        }.sorted(by: inBackupOrder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(format: format, version: version, entries: ordered))
        data.append(0x0A)
        return data
    }

    /// Oldest first; entries at the same second by uuid, so the order never depends on a store id.
    static func inBackupOrder(_ a: Entry, _ b: Entry) -> Bool {
        if a.at != b.at { return a.at < b.at }
        return a.uuid.uuidString < b.uuid.uuidString
    }
}
