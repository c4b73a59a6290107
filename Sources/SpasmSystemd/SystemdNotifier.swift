import CSystemd

/// Sends notifications to systemd over `$NOTIFY_SOCKET` (sd_notify(3)).
///
/// Without `NOTIFY_SOCKET` (started by hand, or not as `Type=notify`) every call does nothing.
/// The environment is never unset, so watchdog pings keep reaching systemd for the whole run.
public struct SystemdNotifier: ServiceNotifying {
    public init() {}

    public func notify(_ notification: ServiceNotification) throws(ServiceNotificationError) {
        let result = sd_notify(0, notification.message)
        if result < 0 { throw ServiceNotificationError(notification: notification, errno: -result) }
    }
}
