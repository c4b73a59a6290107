import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A single-threaded epoll loop: file descriptors with handlers, and nothing else.
///
/// spasmd has no periodic work: between requests and timers the process sleeps in epoll_wait, so
/// an idle daemon costs no wakeups (the watchdog, when enabled, is a timer like any other).
public final class EventLoop {
    public typealias Handler = (_ events: UInt32) -> Void

    private let epoll: Int32
    private var handlers: [Int32: Handler] = [:]
    private var running = false

    public init() throws {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw SystemCallError("epoll_create1") }
    }

    deinit { close(epoll) }

    /// Calls `handler` whenever `fd` is ready for `events` (EPOLLIN by default).
    public func watch(_ fd: Int32, events: UInt32 = UInt32(EPOLLIN.rawValue), handler: @escaping Handler) throws {
        var event = epoll_event(events: events, data: epoll_data_t(fd: fd))
        let operation = handlers[fd] == nil ? EPOLL_CTL_ADD : EPOLL_CTL_MOD
        guard epoll_ctl(epoll, operation, fd, &event) == 0 else { throw SystemCallError("epoll_ctl") }
        handlers[fd] = handler
    }

    /// Changes the events watched for `fd`, keeping its handler.
    public func change(_ fd: Int32, events: UInt32) {
        var event = epoll_event(events: events, data: epoll_data_t(fd: fd))
        _ = epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event)
    }

    /// Stops watching `fd` (the caller closes it).
    public func unwatch(_ fd: Int32) {
        guard handlers.removeValue(forKey: fd) != nil else { return }
        _ = epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nil)
    }

    /// Runs until `stop()`; each ready descriptor's handler runs to completion before the next.
    public func run() {
        running = true
        var events = [epoll_event](repeating: epoll_event(), count: 32)
        while running {
            let count = epoll_wait(epoll, &events, Int32(events.count), -1)
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            for event in events.prefix(Int(count)) {
                handlers[event.data.fd]?(event.events)
                if !running { break }
            }
        }
    }

    public func stop() { running = false }
}

/// A failed system call, with errno's text.
public struct SystemCallError: Error, CustomStringConvertible {
    public var call: String
    public var code: Int32
    public init(_ call: String, code: Int32 = errno) { self.call = call; self.code = code }
    public var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// A timerfd: fires once at a time on a clock; re-arm to fire again.
public final class TimerSource {
    public let fd: Int32

    public init(clock: Int32 = CLOCK_MONOTONIC) throws {
        fd = timerfd_create(clock, Int32(TFD_CLOEXEC) | Int32(TFD_NONBLOCK))
        guard fd >= 0 else { throw SystemCallError("timerfd_create") }
    }

    deinit { close(fd) }

    /// Fires after `delay`, then every `interval` if given.
    public func arm(after delay: Duration, every interval: Duration? = nil) {
        var spec = itimerspec(it_interval: Self.timespec(interval ?? .zero), it_value: Self.timespec(max(delay, .nanoseconds(1))))
        _ = timerfd_settime(fd, 0, &spec, nil)
    }

    /// Fires once at the wall-clock instant `date` (a CLOCK_REALTIME timer): late but once after a
    /// suspend, and early with `acknowledge()` reporting a clock change when the clock is set.
    public func arm(at date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let nanoseconds = Int((date.timeIntervalSince1970 - seconds) * 1e9)
        var spec = itimerspec(it_interval: Glibc.timespec(), it_value: Glibc.timespec(tv_sec: Int(max(seconds, 1)), tv_nsec: nanoseconds))
        _ = timerfd_settime(fd, Int32(TFD_TIMER_ABSTIME) | Int32(TFD_TIMER_CANCEL_ON_SET), &spec, nil)
    }

    public func disarm() {
        var spec = itimerspec()
        _ = timerfd_settime(fd, 0, &spec, nil)
    }

    /// Clears the expiry count so the loop does not see it again. False when the wall clock was set
    /// (a timer armed with `arm(at:)` then wakes with ECANCELED): time to replan.
    @discardableResult
    public func acknowledge() -> Bool {
        var expirations: UInt64 = 0
        return read(fd, &expirations, 8) == 8 || errno != ECANCELED
    }

    static func timespec(_ duration: Duration) -> Glibc.timespec {
        let (seconds, attoseconds) = duration.components
        return Glibc.timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
    }
}

/// Signals delivered as readable events (signalfd), so handlers run on the loop, not in a signal context.
public final class SignalSource {
    public let fd: Int32

    public init(_ signals: [Int32]) throws {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        guard sigprocmask(SIG_BLOCK, &set, nil) == 0 else { throw SystemCallError("sigprocmask") }
        fd = signalfd(-1, &set, Int32(SFD_CLOEXEC) | Int32(SFD_NONBLOCK))
        guard fd >= 0 else { throw SystemCallError("signalfd") }
    }

    deinit { close(fd) }

    /// The signals that arrived since the last call.
    public func take() -> [Int32] {
        var received: [Int32] = []
        var info = signalfd_siginfo()
        while read(fd, &info, MemoryLayout<signalfd_siginfo>.size) == MemoryLayout<signalfd_siginfo>.size {
            received.append(Int32(info.ssi_signo))
        }
        return received
    }
}
