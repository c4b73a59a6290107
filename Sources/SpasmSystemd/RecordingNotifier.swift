import Synchronization

/// Keeps every notification in memory, in order, instead of telling a service manager.
public final class RecordingNotifier: ServiceNotifying {
    private let recorded = Mutex<[ServiceNotification]>([])

    public init() {}

    /// The notifications sent so far, oldest first.
    public var notifications: [ServiceNotification] { recorded.withLock { $0 } }

    public func notify(_ notification: ServiceNotification) {
        recorded.withLock { $0.append(notification) }
    }
}
