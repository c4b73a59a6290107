import DesktopSession
import Foundation
import SpasmNotify

/// A LibnotifyNotifier in a `spasm-notify` process of its own, so that it finds exactly the
/// session bus its environment names (libnotify and GIO keep one per process).
final class NotifyProbe {
    let process: DesktopProcess

    /// On a private desktop.
    convenience init(on desktop: DesktopSession) throws {
        try self.init(process: desktop.launch(Self.path, ["spasm"]))
    }

    /// With exactly this environment (say, none with a session bus).
    convenience init(environment: [String: String]) throws {
        try self.init(process: DesktopProcess(Self.path, ["spasm"], environment: environment))
    }

    private init(process: DesktopProcess) {
        self.process = process
    }

    func show(_ notification: DesktopNotification) throws {
        process.send("show " + String(decoding: try JSONEncoder().encode(notification), as: UTF8.self))
    }

    func close(key: String) {
        process.send("close \(key)")
    }

    /// Every event the notifier has reported, oldest first.
    var events: [NotifierEvent] {
        process.output.compactMap { try? JSONDecoder().decode(NotifierEvent.self, from: Data($0.utf8)) }
    }

    /// Waits until `event` has been reported (at least `times` times in all).
    func waitFor(_ event: NotifierEvent, times: Int = 1) -> Bool {
        DesktopSession.waitFor { events.filter { $0 == event }.count >= times }
    }

    /// Waits for the first event `matching`, and returns it.
    func firstEvent(after count: Int = 0, where matching: (NotifierEvent) -> Bool) -> NotifierEvent? {
        var found: NotifierEvent?
        _ = DesktopSession.waitFor {
            found = events.dropFirst(count).first(where: matching)
            return found != nil
        }
        return found
    }

    /// For failure messages: what it printed and logged.
    var transcript: String { process.output.joined(separator: "\n") + "\n" + process.errors }

    /// The built `spasm-notify`, beside the test bundle.
    static let path: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("spasm-notify").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/spasm-notify").path
    }()
}
