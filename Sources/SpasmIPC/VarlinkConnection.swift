import Foundation
import SpasmCore
#if canImport(Glibc)
import Glibc
#endif

/// Why a call did not get an answer.
public enum VarlinkConnectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens at the path (no file, refused, or no permission).
    case unreachable(path: String, reason: String)
    /// The connection broke before a reply arrived: the call may or may not have been applied.
    case lost(reason: String)
    /// No reply within the time limit.
    case timedOut
    /// The peer sent something that is not a Varlink reply.
    case malformedReply(String)

    public var description: String {
        switch self {
        case .unreachable(let path, let reason): "cannot reach \(path): \(reason)"
        case .lost(let reason): "the connection was lost before a reply (\(reason))"
        case .timedOut: "no reply in time"
        case .malformedReply(let detail): "a reply that is not Varlink: \(detail)"
        }
    }
}

/// A blocking Varlink connection over a Unix socket: one call at a time, each with a deadline.
public final class VarlinkConnection {
    private let fd: Int32
    private let timeout: Duration
    // Replies can be large (a whole history); only what a client sends the service is kept small.
    private var framer = VarlinkFramer(limit: 1 << 30)

    public init(path: String, timeout: Duration = .seconds(30)) throws(VarlinkConnectionError) {
        self.timeout = timeout
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .unreachable(path: path, reason: String(cString: strerror(errno))) }
        guard let address = UnixAddress(path: path) else {
            close(fd)
            throw .unreachable(path: path, reason: "path too long for a Unix socket")
        }
        let status = address.connect(fd)
        guard status == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unreachable(path: path, reason: reason)
        }
    }

    deinit { close(fd) }

    /// Calls `method` and decodes its reply parameters.
    /// - Throws: `VarlinkError` for an error reply, `VarlinkConnectionError` when no reply came.
    public func call<P: Encodable & Sendable, R: Decodable>(_ method: String, _ parameters: P, returning: R.Type) throws -> R {
        let message: [UInt8]
        do { message = try VarlinkCoding.frame(VarlinkCall(method: method, parameters: parameters)) } catch {
            throw VarlinkConnectionError.malformedReply("cannot encode the call: \(error)")
        }
        let deadline = ContinuousClock.now + timeout
        try send(message, deadline: deadline)
        let reply = try receive(deadline: deadline)
        guard JSONNesting.isWithin(reply) else {
            throw VarlinkConnectionError.malformedReply("reply nests deeper than \(JSONNesting.maximumDepth) levels")
        }
        let envelope: ReplyEnvelope<R>
        do { envelope = try JSONDecoder().decode(ReplyEnvelope<R>.self, from: Data(reply)) } catch {
            throw VarlinkConnectionError.malformedReply(String(describing: error))
        }
        if let name = envelope.error {
            let details = (try? JSONDecoder().decode(ErrorParameters.self, from: Data(reply)).parameters) ?? nil
            throw VarlinkError(name, details ?? [:])
        }
        guard let result = envelope.parameters else {
            if let empty = try? JSONDecoder().decode(R.self, from: Data("{}".utf8)) { return empty }
            throw VarlinkConnectionError.malformedReply("reply without parameters")
        }
        return result
    }

    private func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(VarlinkConnectionError) {
        var offset = 0
        while offset < bytes.count {
            try wait(for: Int16(POLLOUT), until: deadline)
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .lost(reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    private func receive(deadline: ContinuousClock.Instant) throws(VarlinkConnectionError) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            do {
                if let message = try framer.next() { return message }
            } catch { throw .malformedReply("reply over \(error.limit) bytes") }
            try wait(for: Int16(POLLIN), until: deadline)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .lost(reason: String(cString: strerror(errno)))
            }
            if count == 0 { throw .lost(reason: "the service closed the connection") }
            do { try framer.append(chunk[..<count]) } catch { throw .malformedReply("reply over \(error.limit) bytes") }
        }
    }

    private func wait(for events: Int16, until deadline: ContinuousClock.Instant) throws(VarlinkConnectionError) {
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw .timedOut }
            let milliseconds = Int32(min(Int64(Int32.max), left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1))
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw .lost(reason: String(cString: strerror(errno))) }
        }
    }
}

private struct ReplyEnvelope<R: Decodable>: Decodable {
    var parameters: R?
    var error: String?
}

private struct ErrorParameters: Decodable {
    var parameters: [String: JSONValue]?
}
