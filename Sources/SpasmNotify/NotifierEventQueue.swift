import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Events waiting for spasmd, with an eventfd that is readable exactly while some wait, so the
/// daemon's loop can watch it with the rest of its file descriptors.
package final class NotifierEventQueue: @unchecked Sendable {
    package let descriptor: Int32
    private let lock = NSLock()
    private var pending: [NotifierEvent] = []

    package init() {
        descriptor = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
    }

    deinit { Glibc.close(descriptor) }

    /// Queues an event from any thread.
    package func post(_ event: NotifierEvent) {
        lock.withLock {
            pending.append(event)
            var one: UInt64 = 1
            _ = write(descriptor, &one, 8)
        }
    }

    /// Everything queued, oldest first; the descriptor stops being readable until the next post.
    package func take() -> [NotifierEvent] {
        lock.withLock {
            var count: UInt64 = 0
            _ = read(descriptor, &count, 8)
            defer { pending.removeAll() }
            return pending
        }
    }
}
