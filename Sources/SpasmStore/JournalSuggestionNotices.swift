import Foundation
import GRDB
import SpasmCore

/// What the journal remembers of suggestion notifications.
public struct SuggestionNotices: Sendable, Equatable {
    /// The keys that applied at the last review.
    public var active: Set<String>
    /// When each key was last notified.
    public var notified: [String: Date]
}

extension Journal {
    // MARK: - Suggestion notifications

    public func suggestionNotices() throws -> SuggestionNotices {
        try guarded {
            try writer.read { db in
                var notices = SuggestionNotices(active: [], notified: [:])
                for row in try Row.fetchAll(db, sql: "SELECT key, active, notified_at FROM suggestion_notice") {
                    let key: String = row["key"]
                    if row["active"] as Bool { notices.active.insert(key) }
                    if let at = row["notified_at"] as Int64? { notices.notified[key] = Date(timeIntervalSince1970: Double(at)) }
                }
                return notices
            }
        }
    }

    /// Records a review: `active` are the keys that apply now and need no notification (any other
    /// key stops being active, so it is new again should it come back).
    public func recordSuggestionReview(active: Set<String>) throws {
        try guarded {
            try writer.write { db in
                try db.execute(sql: "UPDATE suggestion_notice SET active = 0")
                for key in active {
                    try db.execute(sql: """
                        INSERT INTO suggestion_notice (key, active) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET active = 1
                        """, arguments: [key])
                }
            }
        }
    }

    /// A notification server showed the suggestion: it is active and notified from `now`.
    public func recordSuggestionNotified(_ key: String, now: Date) throws {
        try guarded {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO suggestion_notice (key, active, notified_at) VALUES (?, 1, ?)
                    ON CONFLICT (key) DO UPDATE SET active = 1, notified_at = excluded.notified_at
                    """, arguments: [key, Self.seconds(now)])
            }
        }
    }

    /// The user read the notification: it is marked, nothing else happens.
    public func markSuggestionRead(_ key: String, now: Date) throws {
        try guarded {
            try writer.write { db in
                try db.execute(sql: "UPDATE suggestion_notice SET read_at = ? WHERE key = ?", arguments: [Self.seconds(now), key])
            }
        }
    }

    /// When the user marked a suggestion's notification read, if ever.
    public func suggestionRead(_ key: String) throws -> Date? {
        try guarded {
            try writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT read_at FROM suggestion_notice WHERE key = ?", arguments: [key])
                    .map { Date(timeIntervalSince1970: Double($0)) }
            }
        }
    }
}
