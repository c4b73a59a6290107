import Foundation

/// The in-memory twin of a notification server, for the daemon's unit tests: it records what was
/// shown and closed, and a test plays the server's and the user's part with `send(_:)`.
public final class RecordingDesktop: Notifier, @unchecked Sendable {
    public var eventDescriptor: Int32 { events.descriptor }
    private let events = NotifierEventQueue()
    private let lock = NSLock()
    private var _shown: [DesktopNotification] = []
    private var _closed: [String] = []
    /// When false, every show fails as if no server were on the bus.
    public var serverPresent: Bool {
        get { lock.withLock { present } }
        set { lock.withLock { present = newValue } }
    }
    private var present = true

    public init() {}

    /// Everything shown so far, in order.
    public var shown: [DesktopNotification] { lock.withLock { _shown } }
    /// Keys closed by spasmd, in order.
    public var closed: [String] { lock.withLock { _closed } }

    public func show(_ notification: DesktopNotification) {
        let accepted = lock.withLock { () -> Bool in
            if present { _shown.append(notification) }
            return present
        }
        send(accepted ? .shown(key: notification.key) : .failed(key: notification.key, reason: "no notification server"))
    }

    public func close(key: String) {
        lock.withLock { _closed.append(key) }
    }

    /// Queues an event as the server would (an action clicked, the server restarting).
    public func send(_ event: NotifierEvent) {
        events.post(event)
    }

    public func takeEvents() -> [NotifierEvent] {
        events.take()
    }
}
