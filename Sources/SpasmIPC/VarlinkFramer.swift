/// Splits a Varlink byte stream into messages: each is a JSON object followed by a NUL byte.
///
/// Pure and bounded: a peer that sends more than `limit` bytes without a NUL is cut off rather
/// than buffered forever.
public struct VarlinkFramer: Sendable {
    /// Bytes of one message, NUL excluded, beyond which the connection is refused.
    public let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes from `start` up to here hold no NUL: each byte is searched once, so a large message
    /// arriving in many reads costs linear time, not quadratic.
    private var searched = 0

    public init(limit: Int = Varlink.messageLimit) { self.limit = limit }

    public struct Oversized: Error, Sendable, Equatable {
        public var limit: Int
    }

    /// Adds bytes read from the peer.
    public mutating func append<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(Oversized) {
        buffer.append(contentsOf: bytes)
        if pendingCount > limit, !buffer[searched...].contains(0) { throw Oversized(limit: limit) }
    }

    /// The next complete message, if one has arrived.
    public mutating func next() throws(Oversized) -> [UInt8]? {
        guard let end = buffer[max(start, searched)...].firstIndex(of: 0) else {
            searched = buffer.count
            return nil
        }
        guard end - start <= limit else { throw Oversized(limit: limit) }
        let message = Array(buffer[start..<end])
        start = end + 1
        searched = start
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count < 64 * 1024)
            start = 0
            searched = 0
        } else if start > 64 * 1024 {
            buffer.removeFirst(start)
            start = 0
            searched = 0
        }
        return message
    }

    /// Bytes received that do not yet form a whole message: a slow or stuck peer if it stays non-zero.
    public var pendingCount: Int { buffer.count - start }
}

/// Protocol constants.
public enum Varlink {
    /// Notes may be 1 MiB and JSON escaping can double that: 4 MiB leaves room and still bounds memory.
    public static let messageLimit = 4 << 20
}
