import CLinux
import Foundation
import Logging
import SpasmIPC
import SpasmSystemd
#if canImport(Glibc)
import Glibc
#endif

/// Serves Varlink on listening Unix sockets from the event loop, one message at a time.
///
/// Every connection is checked against the peer's uid. No client can hold up the others or make
/// spasmd's memory grow with it:
/// - a message over the size limit closes the connection; one stalled mid-message or idle is closed;
/// - a client is answered one request at a time: while its reply is unsent nothing more is read
///   from it, so it can queue at most one reply;
/// - a client that does not read its reply for `outputStall` (5 s) is dropped;
/// - replies waiting to be sent to all clients together stay under `outputBudget` (64 MiB); past it,
///   further requests wait (unread) until earlier replies are sent or their clients dropped;
/// - at `maxConnections` the idlest connection is closed to make room for the new one;
/// - at shutdown, queued replies get at most `drainTimeout` (2 s) in all.
final class VarlinkServer {
    struct Limits {
        var messageBytes = Varlink.messageLimit
        /// A partial message must complete within this.
        var partialTimeout: Duration = .seconds(5)
        /// A connection with nothing to do is closed after this.
        var idleTimeout: Duration = .seconds(60)
        /// A reply that makes no progress for this long drops its client.
        var outputStall: Duration = .seconds(5)
        /// Bytes of unsent replies, over all clients, beyond which no new request is answered.
        var outputBudget = 64 << 20
        /// How long shutdown waits for replies still being sent.
        var drainTimeout: Duration = .seconds(2)
        var maxConnections = 256
    }

    private final class Connection {
        let fd: Int32
        var framer: VarlinkFramer
        var output: [UInt8] = []
        /// Bytes of `output` already sent.
        var sent = 0
        var deadline: ContinuousClock.Instant
        /// When the client last sent something or took part of a reply: the idlest is evicted first.
        var lastActivity = ContinuousClock.now
        /// The client closed its side; answer what it sent, then close.
        var peerClosed = false
        /// Waiting for the output budget before its next request is answered.
        var deferred = false
        /// The events the loop watches for it now.
        var events: UInt32 = 0
        init(fd: Int32, limit: Int, deadline: ContinuousClock.Instant) {
            self.fd = fd
            framer = VarlinkFramer(limit: limit)
            self.deadline = deadline
        }
        var unsent: Int { output.count - sent }
    }

    private static let readable = UInt32(EPOLLIN.rawValue) | UInt32(EPOLLRDHUP.rawValue)
    private static let writable = UInt32(EPOLLOUT.rawValue)
    private static let hungUp = UInt32(EPOLLHUP.rawValue) | UInt32(EPOLLERR.rawValue)

    private let loop: EventLoop
    private let respond: ([UInt8]) -> [UInt8]?
    private let logger: Logger
    private let limits: Limits
    private var listeners: [Int32] = []
    private var connections: [Int32: Connection] = [:]
    /// Connections waiting for the output budget, first come first served.
    private var waiting: [Connection] = []
    private var buffered = 0
    /// Shutting down: replies already queued go out, no new request is answered.
    private var draining = false
    private let sweeper: TimerSource
    private let uid = getuid()

    init(loop: EventLoop, logger: Logger, limits: Limits = Limits(), respond: @escaping ([UInt8]) -> [UInt8]?) throws {
        self.loop = loop
        self.logger = logger
        self.limits = limits
        self.respond = respond
        sweeper = try TimerSource()
        try loop.watch(sweeper.fd) { [unowned self] _ in
            sweeper.acknowledge()
            sweep()
        }
    }

    var connectionCount: Int { connections.count }

    func listen(on fd: Int32) throws {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        listeners.append(fd)
        try loop.watch(fd) { [unowned self] _ in acceptAll(from: fd) }
    }

    /// Stops taking new connections; open ones are finished by `drain`.
    func stopAccepting() {
        for fd in listeners { loop.unwatch(fd) }
        listeners.removeAll()
    }

    /// Sends what is still queued for at most `drainTimeout` in all, then closes every connection:
    /// a client that does not read cannot hold up shutdown.
    func drain() {
        draining = true
        let deadline = ContinuousClock.now + limits.drainTimeout
        while true {
            let pending = connections.values.filter { $0.unsent > 0 }
            let left = ContinuousClock.now.duration(to: deadline)
            guard !pending.isEmpty, left > .zero else { break }
            var watched = pending.map { pollfd(fd: $0.fd, events: Int16(POLLOUT), revents: 0) }
            let milliseconds = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&watched, nfds_t(watched.count), milliseconds) > 0 else { continue }
            for (connection, polled) in zip(pending, watched) where polled.revents != 0 {
                if !flush(connection) { connection.output.removeAll(); connection.sent = 0 }
            }
        }
        for connection in connections.values { close(connection.fd) }
        connections.removeAll()
    }

    // MARK: - Connections

    private func acceptAll(from listener: Int32) {
        while true {
            let fd = spasm_accept(listener)
            if fd < 0 { return }   // EAGAIN: no more waiting
            guard let peer = UnixSocket.peer(of: fd), peer.uid == uid else {
                var metadata = MessageID.peerRefused.metadata
                if let peer = UnixSocket.peer(of: fd) {
                    metadata["peer_uid"] = "\(peer.uid)"
                    metadata["peer_pid"] = "\(peer.pid)"
                }
                logger.warning("refused a connection from another user", metadata: metadata)
                close(fd)
                continue
            }
            if connections.count >= limits.maxConnections { evictIdlest() }
            let connection = Connection(fd: fd, limit: limits.messageBytes, deadline: .now + limits.idleTimeout)
            connections[fd] = connection
            do {
                connection.events = Self.readable
                try loop.watch(fd, events: connection.events) { [unowned self] events in
                    handle(connection, events: events)
                }
            } catch {
                finish(connection)
                continue
            }
            scheduleSweep()
        }
    }

    /// Makes room for a new client: closes the connection that has waited longest since it last did
    /// anything, preferring one with no reply in progress.
    private func evictIdlest() {
        let quiet = connections.values.filter { $0.unsent == 0 && !$0.deferred }
        guard let idlest = (quiet.isEmpty ? Array(connections.values) : quiet).min(by: { $0.lastActivity < $1.lastActivity }) else { return }
        logger.notice("at the connection limit; closed the idlest connection for a new one",
                      metadata: ["connections": "\(connections.count)"])
        finish(idlest)
    }

    private func handle(_ connection: Connection, events: UInt32) {
        if events & Self.writable != 0, !flush(connection) { finish(connection); return }
        if connection.unsent == 0, !connection.deferred, !connection.peerClosed, events & (Self.readable | Self.hungUp) != 0 {
            guard read(connection) else { return }
        } else if events & Self.hungUp != 0, connection.unsent > 0 || connection.deferred {
            finish(connection)   // the peer is gone; its reply has nowhere to go
            return
        }
        serve(connection)
    }

    /// Reads one chunk (more waits for the next readiness): what a client has sent but not had
    /// answered stays within one chunk plus a partial message. False when the connection was closed.
    private func read(_ connection: Connection) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                connection.lastActivity = .now
                do { try connection.framer.append(chunk[..<count]) } catch {
                    logger.notice("closed a connection that sent an oversized message", metadata: ["limit": "\(error.limit)"])
                    finish(connection)
                    return false
                }
                return true
            }
            if count < 0, errno == EINTR { continue }
            if count == 0 || errno != EAGAIN { connection.peerClosed = true }
            return true
        }
    }

    /// Answers the client's waiting requests one at a time while its reply goes out at once and
    /// the budget allows; then watches for whatever it waits on next.
    private func serve(_ connection: Connection) {
        while connection.unsent == 0 {
            if buffered >= limits.outputBudget {
                if !connection.deferred { connection.deferred = true; waiting.append(connection) }
                break
            }
            let message: [UInt8]?
            do { message = try connection.framer.next() } catch {
                finish(connection)
                return
            }
            guard let message else { break }
            if let reply = respond(message) {
                connection.output = reply
                connection.sent = 0
                buffered += reply.count
                if !flush(connection) { finish(connection); return }
            }
        }
        if connection.peerClosed, connection.unsent == 0, !connection.deferred {
            finish(connection)
            return
        }
        let now = ContinuousClock.now
        if connection.unsent > 0 {
            connection.deadline = connection.lastActivity + limits.outputStall
        } else if connection.framer.pendingCount > 0, !connection.deferred {
            connection.deadline = now + limits.partialTimeout
        } else {
            connection.deadline = now + limits.idleTimeout
        }
        watch(connection)
        scheduleSweep()
    }

    /// Sends as much of the reply as the socket takes now; false when the peer has gone.
    private func flush(_ connection: Connection) -> Bool {
        while connection.unsent > 0 {
            let written = connection.output[connection.sent...].withUnsafeBytes {
                send(connection.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                connection.sent += written
                buffered -= written
                connection.lastActivity = .now
                continue
            }
            if written < 0, errno == EINTR { continue }
            if written < 0, errno == EAGAIN { return true }
            return false
        }
        if !connection.output.isEmpty {
            connection.output = []
            connection.sent = 0
            serveWaiting()
        }
        return true
    }

    /// Reads only from a client with no reply in progress; waits to write while one is.
    private func watch(_ connection: Connection) {
        let events: UInt32 = connection.unsent > 0 ? Self.writable
            : (connection.deferred || connection.peerClosed) ? 0 : Self.readable
        guard events != connection.events else { return }
        connection.events = events
        loop.change(connection.fd, events: events)
    }

    /// Answers clients that waited for the budget, in the order they came.
    private func serveWaiting() {
        while !draining, buffered < limits.outputBudget, !waiting.isEmpty {
            let next = waiting.removeFirst()
            next.deferred = false
            guard connections[next.fd] === next else { continue }
            serve(next)
        }
    }

    private func finish(_ connection: Connection) {
        guard connections[connection.fd] === connection else { return }
        buffered -= connection.unsent
        loop.unwatch(connection.fd)
        close(connection.fd)
        connections.removeValue(forKey: connection.fd)
        if connection.deferred { waiting.removeAll { $0 === connection } }
        serveWaiting()
    }

    // MARK: - Deadlines

    /// One timer for the earliest deadline; none at all while no client is connected. A client
    /// waiting for the budget has no deadline: it waits on spasmd, not spasmd on it.
    private func scheduleSweep() {
        guard let earliest = connections.values.filter({ !$0.deferred }).map(\.deadline).min() else { sweeper.disarm(); return }
        sweeper.arm(after: max(.milliseconds(1), ContinuousClock.now.duration(to: earliest)))
    }

    private func sweep() {
        let now = ContinuousClock.now
        for connection in connections.values where connection.deadline <= now && !connection.deferred {
            if connection.unsent > 0 {
                logger.notice("closed a connection that did not read its reply", metadata: ["unsent": "\(connection.unsent)"])
            } else if connection.framer.pendingCount > 0 {
                logger.notice("closed a connection that stalled mid-message")
            }
            finish(connection)
        }
        scheduleSweep()
    }
}
