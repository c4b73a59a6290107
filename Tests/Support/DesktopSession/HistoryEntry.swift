import Foundation

/// A closed notification from `dunstctl history`.
public struct HistoryEntry: Equatable, Sendable {
    /// Every field's value as text ("appname", "summary", "body", "category", "id", ...).
    public var fields: [String: String]

    public var id: Int? { fields["id"].flatMap { Int($0) } }
    public var appname: String? { fields["appname"] }
    public var summary: String? { fields["summary"] }
    public var body: String? { fields["body"] }
    public var category: String? { fields["category"].flatMap { $0.isEmpty ? nil : $0 } }

    /// dunstctl history prints a D-Bus value as JSON: {"type": "aa{sv}", "data": [[{name: {"type", "data"}}]]}.
    static func parse(_ json: String) throws -> [HistoryEntry] {
        guard let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let data = root["data"] as? [Any],
              let entries = data.first as? [[String: Any]] else {
            throw DesktopSessionError("dunstctl history printed no list: \(json)")
        }
        return entries.map { entry in
            HistoryEntry(fields: entry.compactMapValues { value in
                guard let typed = value as? [String: Any], let data = typed["data"] else { return nil }
                return "\(data)"
            })
        }
    }
}
