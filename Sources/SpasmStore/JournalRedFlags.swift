import Foundation
import GRDB
import SpasmCore

extension Journal {
    /// Every episode with a red flag that started before `end` (all of them when nil), oldest first;
    /// deleted ones are left out. A report lists red flags ever reported, not only the period's.
    public func redFlagEpisodes(before end: Date? = nil) throws -> [Entry] {
        var condition = "e.deleted_at IS NULL AND e.id IN (SELECT entry_id FROM episode_red_flag)"
        var arguments: StatementArguments = []
        if let end { condition += " AND e.at < ?"; arguments += [Journal.seconds(end)] }
        return try guarded {
            try writer.read { db in try EntryRows.fetchAll(db, where: condition, arguments: arguments) }
        }
    }
}
