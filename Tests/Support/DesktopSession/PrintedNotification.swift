import Foundation

/// One notification as dunst received it, from a block of its `-print` output.
public struct PrintedNotification: Equatable, Sendable {
    /// A button: the key sent back in ActionInvoked and the label shown.
    public struct Action: Equatable, Sendable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
    }

    /// Every `name: value` field as printed (quotes removed), e.g. "desktop_entry", "timeout".
    public var fields: [String: String]
    /// The actions in the order the sender gave them.
    public var actions: [Action]

    public var id: Int? { fields["id"].flatMap { Int($0) } }
    public var appname: String? { fields["appname"] }
    public var summary: String? { fields["summary"] }
    public var body: String? { fields["body"] }
    /// The icon name or path the sender gave.
    public var icon: String? { fields["icon"] }
    /// "LOW", "NORMAL" or "CRITICAL".
    public var urgency: String? { fields["urgency"] }
    /// The "category" hint; dunst 1.9 prints it without quotes, and an empty one when none was sent.
    public var category: String? { fields["category"].flatMap { $0.isEmpty ? nil : $0 } }
    /// The "desktop-entry" hint.
    public var desktopEntry: String? { fields["desktop_entry"] }
    /// The expiry in milliseconds (0: never): the sender's, or dunstrc's when the sender left it to the server.
    public var timeout: String? { fields["timeout"] }

    /// The complete blocks of dunst's `-print` output, in the order received; a block still being
    /// written is left for the next read.
    static func parse(_ output: String) -> [PrintedNotification] {
        var notifications: [PrintedNotification] = []
        var current: PrintedNotification?
        var field: String?
        var inActions = false
        for line in output.components(separatedBy: "\n") {
            if line == "{" {
                current = PrintedNotification(fields: [:], actions: [])
                field = nil
                inActions = false
            } else if line == "}" {
                if let done = current { notifications.append(done) }
                current = nil
            } else if current == nil {
                continue
            } else if inActions {
                if line == "\t}" { inActions = false; continue }
                let parts = line.trimmingCharacters(in: .whitespaces).components(separatedBy: "\": \"")
                if parts.count == 2 {
                    current?.actions.append(Action(String(parts[0].dropFirst()), String(parts[1].dropLast())))
                }
            } else if line.hasPrefix("\t"), !line.hasPrefix("\t\t"), let colon = line.range(of: ": ") ?? line.range(of: ":", options: .backwards) {
                let name = String(line[line.index(after: line.startIndex)..<colon.lowerBound])
                let value = String(line[colon.upperBound...])
                if name == "actions", value == "{" { inActions = true; field = nil; continue }
                current?.fields[name] = value
                field = name
            } else if let name = field {
                // A value with a line break (a body of two lines) continues without the tab.
                current?.fields[name, default: ""] += "\n" + line
            }
        }
        for (index, notification) in notifications.enumerated() {
            notifications[index].fields = notification.fields.mapValues(unquoted)
        }
        return notifications
    }

    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") else { return value }
        return String(value.dropFirst().dropLast())
    }
}

extension DesktopSession {
    /// Every notification dunst has received so far, oldest first (replacements print again).
    public func printed() -> [PrintedNotification] {
        PrintedNotification.parse((try? String(contentsOfFile: printPath, encoding: .utf8)) ?? "")
    }
}
