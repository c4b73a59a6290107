/// Tells the service manager how the service is doing: readiness, status, watchdog pings, shutdown.
///
/// ``SystemdNotifier`` talks to systemd; ``RecordingNotifier`` keeps the notifications for tests.
public protocol ServiceNotifying: Sendable {
    /// Sends one notification to the manager.
    func notify(_ notification: ServiceNotification) throws(ServiceNotificationError)
}

extension ServiceNotifying {
    /// Start-up is finished; with `Type=notify` systemd starts dependent units only now.
    public func ready(status: String? = nil) throws(ServiceNotificationError) {
        try notify(.ready(status: status))
    }

    /// Replaces the line `systemctl status` shows.
    public func status(_ status: String) throws(ServiceNotificationError) {
        try notify(.status(status))
    }

    /// Resets the watchdog timer; send it at half of ``Watchdog/interval()``.
    public func watchdog() throws(ServiceNotificationError) {
        try notify(.watchdog)
    }

    /// Shutdown has begun.
    public func stopping(status: String? = nil) throws(ServiceNotificationError) {
        try notify(.stopping(status: status))
    }
}

/// The manager's notification socket refused a notification.
public struct ServiceNotificationError: Error, Hashable, CustomStringConvertible {
    /// The notification that was not delivered.
    public let notification: ServiceNotification
    /// The errno that sd_notify reported.
    public let errno: Int32

    public init(notification: ServiceNotification, errno: Int32) {
        self.notification = notification
        self.errno = errno
    }

    public var description: String {
        "could not send \(notification.message.debugDescription) to $NOTIFY_SOCKET: "
            + "\(SystemError.text(errno)); check that the service manager is still running"
    }
}
