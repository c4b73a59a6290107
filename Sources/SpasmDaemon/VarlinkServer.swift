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
/// Every connection is checked against the peer's uid; a message over the size limit closes the
/// connection; a client that stalls mid-message or stays idle is disconnected, so no client can
/// hold up the others.
final class VarlinkServer {
    struct Limits {
        var messageBytes = Varlink.messageLimit
        /// A partial message must complete within this.
        var partialTimeout: Duration = .seconds(5)
        /// A connection with nothing to do is closed after this.
        var idleTimeout: Duration = .seconds(60)
        var maxConnections = 256
    }

    private final class Connection {
        let fd: Int32
        var framer: VarlinkFramer
        var output: [UInt8] = []
        var deadline: ContinuousClock.Instant
        init(fd: Int32, limit: Int, deadline: ContinuousClock.Instant) {
            self.fd = fd
            framer = VarlinkFramer(limit: limit)
            self.deadline = deadline
        }
    }

    private let loop: EventLoop
    private let respond: ([UInt8]) -> [UInt8]?
    private let logger: Logger
    private let limits: Limits
    private var listeners: [Int32] = []
    private var connections: [Int32: Connection] = [:]
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

    /// Sends what is still queued (blocking briefly), then closes every connection.
    func drain() {
        for connection in connections.values {
            _ = fcntl(connection.fd, F_SETFL, fcntl(connection.fd, F_GETFL) & ~O_NONBLOCK)
            flush(connection)
            close(connection.fd)
        }
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
            guard connections.count < limits.maxConnections else {
                logger.warning("too many connections; refused one", metadata: ["connections": "\(connections.count)"])
                close(fd)
                continue
            }
            let connection = Connection(fd: fd, limit: limits.messageBytes, deadline: .now + limits.idleTimeout)
            connections[fd] = connection
            do {
                try loop.watch(fd, events: UInt32(EPOLLIN.rawValue) | UInt32(EPOLLRDHUP.rawValue)) { [unowned self] events in
                    handle(connection, events: events)
                }
            } catch {
                finish(connection)
                continue
            }
            scheduleSweep()
        }
    }

    private func handle(_ connection: Connection, events: UInt32) {
        if events & UInt32(EPOLLOUT.rawValue) != 0 {
            flush(connection)
            if connection.output.isEmpty { loop.change(connection.fd, events: UInt32(EPOLLIN.rawValue) | UInt32(EPOLLRDHUP.rawValue)) }
        }
        guard events & (UInt32(EPOLLIN.rawValue) | UInt32(EPOLLHUP.rawValue) | UInt32(EPOLLRDHUP.rawValue) | UInt32(EPOLLERR.rawValue)) != 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var closed = false
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                do { try connection.framer.append(chunk[..<count]) } catch {
                    logger.notice("closed a connection that sent an oversized message", metadata: ["limit": "\(error.limit)"])
                    finish(connection)
                    return
                }
                continue
            }
            if count == 0 || (errno != EAGAIN && errno != EINTR) { closed = true }
            if count < 0, errno == EINTR { continue }
            break
        }
        answerWaitingMessages(connection)
        if closed {
            flush(connection)
            finish(connection)
            return
        }
        connection.deadline = .now + (connection.framer.pendingCount > 0 ? limits.partialTimeout : limits.idleTimeout)
        scheduleSweep()
    }

    private func answerWaitingMessages(_ connection: Connection) {
        while true {
            let message: [UInt8]?
            do { message = try connection.framer.next() } catch {
                finish(connection)
                return
            }
            guard let message else { break }
            if let reply = respond(message) { connection.output += reply }
        }
        flush(connection)
        if !connection.output.isEmpty {
            loop.change(connection.fd, events: UInt32(EPOLLIN.rawValue) | UInt32(EPOLLOUT.rawValue) | UInt32(EPOLLRDHUP.rawValue))
        }
    }

    private func flush(_ connection: Connection) {
        while !connection.output.isEmpty {
            let written = connection.output.withUnsafeBytes { send(connection.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written > 0 { connection.output.removeFirst(written); continue }
            if written < 0, errno == EINTR { continue }
            if written < 0, errno != EAGAIN { connection.output.removeAll() }   // the peer went away
            return
        }
    }

    private func finish(_ connection: Connection) {
        loop.unwatch(connection.fd)
        close(connection.fd)
        connections.removeValue(forKey: connection.fd)
    }

    // MARK: - Deadlines

    /// One timer for the earliest deadline; none at all while no client is connected.
    private func scheduleSweep() {
        guard let earliest = connections.values.map(\.deadline).min() else { sweeper.disarm(); return }
        sweeper.arm(after: max(.milliseconds(1), ContinuousClock.now.duration(to: earliest)))
    }

    private func sweep() {
        let now = ContinuousClock.now
        for connection in connections.values where connection.deadline <= now {
            if connection.framer.pendingCount > 0 {
                logger.notice("closed a connection that stalled mid-message")
            }
            finish(connection)
        }
        scheduleSweep()
    }
}
