import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The in-memory twin of a notification server, for the daemon's unit tests: it records what was
/// shown and closed, and a test plays the server's and the user's part with `send(_:)`.
public final class RecordingDesktop: Notifier, @unchecked Sendable {
    public let eventDescriptor: Int32
    private let lock = NSLock()
    private var pending: [NotifierEvent] = []
    private var _shown: [DesktopNotification] = []
    private var _closed: [String] = []
    /// When false, every show fails as if no server were on the bus.
    public var serverPresent: Bool {
        get { lock.withLock { present } }
        set { lock.withLock { present = newValue } }
    }
    private var present = true

    public init() {
        eventDescriptor = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
    }

    deinit { Glibc.close(eventDescriptor) }

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
        lock.withLock { pending.append(event) }
        var one: UInt64 = 1
        _ = write(eventDescriptor, &one, 8)
    }

    public func takeEvents() -> [NotifierEvent] {
        var count: UInt64 = 0
        _ = read(eventDescriptor, &count, 8)
        return lock.withLock {
            defer { pending.removeAll() }
            return pending
        }
    }
}
