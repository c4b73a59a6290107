import Foundation

/// How many notifications dunst holds (`dunstctl count`).
public struct NotificationCount: Equatable, Sendable {
    public var waiting: Int
    public var displayed: Int
    public var history: Int

    public init(waiting: Int, displayed: Int, history: Int) {
        self.waiting = waiting
        self.displayed = displayed
        self.history = history
    }
}

/// What the user does to dunst, through dunstctl.
extension DesktopSession {
    /// `dunstctl count`.
    public func count() throws -> NotificationCount {
        let output = try dunstctl(["count"])
        func number(_ label: String) throws -> Int {
            let line = output.split(separator: "\n").first { $0.contains(label + ":") }
            guard let value = line?.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw DesktopSessionError("dunstctl count printed no \(label): \(output)")
            }
            return value
        }
        return NotificationCount(waiting: try number("Waiting"), displayed: try number("Currently displayed"),
                                 history: try number("History"))
    }

    /// `dunstctl context` with the menu picking the action `key` of the top notification, as a user
    /// choosing "Snooze" from the menu would.
    public func chooseFromMenu(action key: String) throws {
        try DesktopFiles.write(key, to: directory + "/choice")
        try dunstctl(["context"])
    }

    /// `dunstctl action 0`: the default action of the top notification.
    public func invokeDefaultAction() throws {
        try dunstctl(["action", "0"])
    }

    /// `dunstctl close-all`: the user dismisses everything.
    public func closeAll() throws {
        try dunstctl(["close-all"])
    }

    /// `dunstctl close`: the user dismisses the top notification.
    public func closeTop() throws {
        try dunstctl(["close"])
    }

    /// `dunstctl set-paused`: do-not-disturb; new notifications wait instead of showing.
    public func setPaused(_ paused: Bool) throws {
        try dunstctl(["set-paused", paused ? "true" : "false"])
    }

    /// `dunstctl history`: the closed notifications dunst keeps, newest first.
    public func history() throws -> [HistoryEntry] {
        try HistoryEntry.parse(dunstctl(["history"]))
    }

    /// Runs dunstctl on this desktop; its output, or an error with what it said.
    @discardableResult
    public func dunstctl(_ arguments: [String]) throws -> String {
        let result = try runToEnd(dunstctlPath, arguments, environment: environment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
        guard result.status == 0 else {
            throw DesktopSessionError("dunstctl \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.errors)")
        }
        return result.output
    }
}
