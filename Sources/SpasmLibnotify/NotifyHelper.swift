import CLinux
import Foundation
import SpasmNotify

/// `spasm-notify [APP-NAME]`: shows spasmd's notifications through libnotify, on the session bus
/// its environment names. spasmd runs it only while notifications need it (HelperNotifier), so that
/// GLib, GIO and libnotify are not resident in spasmd all day; tests run it on a private desktop.
///
/// stdin, one command a line: `show {DesktopNotification as JSON}` or `close KEY`; end of input
/// stops it. stdout: each NotifierEvent as one line of JSON, as the notifier reports it.
public enum NotifyHelper {
    public static func main() {
        // spasmd going away shows as EPIPE on the next report, which ends this helper (see `emit`).
        signal(SIGPIPE, SIG_IGN)
        // Without a session bus no server can appear on one: say so and end rather than wait. (What
        // spasmd sent meanwhile fails with the end of this process.)
        guard LibnotifyNotifier.sessionBusReachable() else {
            report([.serverVanished])
            complain("no session bus (DBUS_SESSION_BUS_ADDRESS, $XDG_RUNTIME_DIR/bus); notifications cannot be shown")
            exit(69)
        }
        let notifier = LibnotifyNotifier(appName: CommandLine.arguments.dropFirst().first ?? "spasm")
        var input = LineReader(descriptor: 0)
        var watched = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: notifier.eventDescriptor, events: Int16(POLLIN), revents: 0)]
        while true {
            guard poll(&watched, 2, -1) >= 0 || errno == EINTR else { break }
            if watched[1].revents != 0 { report(notifier.takeEvents()) }
            guard watched[0].revents != 0 else { continue }
            guard let lines = input.readLines() else { break }
            for line in lines { perform(line, on: notifier) }
        }
        report(notifier.takeEvents())
    }

    private static func perform(_ line: String, on notifier: LibnotifyNotifier) {
        if line.hasPrefix("show "),
           let notification = try? JSONDecoder().decode(DesktopNotification.self, from: Data(line.dropFirst(5).utf8)) {
            notifier.show(notification)
        } else if line.hasPrefix("close ") {
            notifier.close(key: String(line.dropFirst(6)))
        } else {
            complain("cannot read \(line.prefix(200))")
        }
    }

    private static func report(_ events: [NotifierEvent]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for event in events {
            guard let json = try? encoder.encode(event) else { continue }
            emit(json + Data("\n".utf8), to: STDOUT_FILENO)
        }
    }

    private static func complain(_ line: String) {
        emit(Data("spasm-notify: \(line)\n".utf8), to: STDERR_FILENO)
    }

    /// A checked write: spasmd reads stdout, so a failure there (EPIPE once spasmd has closed its end)
    /// means no one is listening any more, and the helper ends (74) instead of crashing.
    private static func emit(_ data: Data, to fd: Int32) {
        let code = data.withUnsafeBytes { spasm_write_all(fd, $0.baseAddress, UInt($0.count)) }
        if code != 0 { exit(74) }
    }
}

/// Whole lines from a descriptor, as they arrive.
struct LineReader {
    static let lineLimit = 1 << 20
    let descriptor: Int32
    private var buffer = Data()

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The complete lines read so far; nil at end of input.
    mutating func readLines() -> [String]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = read(descriptor, &chunk, chunk.count)
        guard count > 0 else { return nil }
        buffer.append(contentsOf: chunk[..<count])
        var lines: [String] = []
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
            buffer.removeSubrange(buffer.startIndex...newline)
        }
        // A notification is a few kilobytes; a line longer than this is dropped, not buffered on.
        if buffer.count > Self.lineLimit {
            buffer.removeAll()
            lines.append("(a line over \(Self.lineLimit) bytes)")
        }
        return lines
    }
}
