#if canImport(Glibc)
import Glibc
#endif

/// A filesystem path as a Unix socket address, for connect(2) and bind(2).
public struct UnixAddress {
    private var storage = sockaddr_un()

    /// Nil when the path does not fit in `sun_path` (108 bytes on Linux).
    public init?(path: String) {
        storage.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: storage.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
    }

    /// connect(2) `fd` to this address; 0 or -1 with errno, as the system call.
    public func connect(_ fd: Int32) -> Int32 {
        withSockaddr { Glibc.connect(fd, $0, $1) }
    }

    /// bind(2) `fd` to this address; 0 or -1 with errno, as the system call.
    public func bind(_ fd: Int32) -> Int32 {
        withSockaddr { Glibc.bind(fd, $0, $1) }
    }

    private func withSockaddr(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        withUnsafePointer(to: storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
