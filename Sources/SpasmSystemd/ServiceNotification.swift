/// One state change the service tells its manager, as in sd_notify(3).
public enum ServiceNotification: Hashable, Sendable {
    /// Start-up is finished: the service accepts requests. `status` is shown by `systemctl status`.
    case ready(status: String?)
    /// A free-form line for `systemctl status`, e.g. "Next reminder: ice at 14:30".
    case status(String)
    /// The keep-alive ping that resets the manager's watchdog timer.
    case watchdog
    /// Shutdown has begun, so the manager does not mistake the exit for a crash.
    case stopping(status: String?)

    /// The datagram sent to `$NOTIFY_SOCKET`: newline-separated `NAME=value` assignments.
    public var message: String {
        switch self {
        case .ready(let status): Self.assignments(["READY=1"], status: status)
        case .status(let status): Self.assignments([], status: status)
        case .watchdog: "WATCHDOG=1"
        case .stopping(let status): Self.assignments(["STOPPING=1"], status: status)
        }
    }

    private static func assignments(_ fixed: [String], status: String?) -> String {
        guard let status else { return fixed.joined(separator: "\n") }
        // A newline would start a new assignment, letting a status text inject READY=1 or MAINPID=.
        let line = String(status.map { $0.isNewline ? " " : $0 })
        return (fixed + ["STATUS=" + line]).joined(separator: "\n")
    }
}
