import Foundation
import GRDB
import SpasmCore

extension Journal {
    // MARK: - Red-flag acknowledgements

    /// Marks the red flags of these episodes as seen, so suggestions stop repeating them on top.
    /// Acknowledging twice keeps the first time.
    public func acknowledgeRedFlags(of episodes: [EntryID], now: Date) throws {
        guard !episodes.isEmpty else { return }
        try guarded {
            try writer.write { db in
                for id in episodes {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO red_flag_acknowledgement (entry_id, acknowledged_at)
                        SELECT id, ? FROM entry WHERE id = ?
                        """, arguments: [Self.seconds(now), id])
                }
            }
        }
    }

    /// The episodes whose red flags the user has acknowledged.
    public func acknowledgedRedFlags() throws -> Set<EntryID> {
        try guarded {
            try writer.read { db in Set(try EntryID.fetchAll(db, sql: "SELECT entry_id FROM red_flag_acknowledgement")) }
        }
    }
}
