import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Unix socket plumbing for the server: binding the private socket, and who is on the other end.
enum UnixSocket {
    /// Binds a listening socket at `path` (0600, in a 0700 directory).
    ///
    /// Refuses when another process already answers there; a stale file from a crash is replaced.
    static func listen(at path: String) throws -> Int32 {
        let directory = (path as NSString).deletingLastPathComponent
        if mkdir(directory, 0o700) != 0, errno != EEXIST { throw SystemCallError("mkdir \(directory)") }
        if let probe = try? connectable(path), probe { throw AlreadyServing(path: path) }
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw SystemCallError("socket") }
        var address = try socketAddress(path)
        // The socket file is created with the umask in force: make it private from the start.
        let oldMask = umask(0o177)
        defer { umask(oldMask) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { let error = SystemCallError("bind \(path)"); close(fd); throw error }
        guard Glibc.listen(fd, SOMAXCONN) == 0 else { let error = SystemCallError("listen"); close(fd); throw error }
        return fd
    }

    static func socketAddress(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw SystemCallError("bind: path too long", code: ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    /// Whether something accepts connections at `path` right now.
    static func connectable(_ path: String) throws -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = try socketAddress(path)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
    }

    /// The process on the other end of a connection, from the kernel (SO_PEERCRED), not from anything it says.
    static func peer(of fd: Int32) -> (uid: uid_t, pid: pid_t)? {
        var uid: UInt32 = 0
        var pid: Int32 = 0
        guard spasm_peer_credentials(fd, &uid, &pid) == 0 else { return nil }
        return (uid, pid)
    }
}

/// Another spasmd already serves the socket.
public struct AlreadyServing: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "another spasmd already serves \(path); stop it first (systemctl --user stop spasmd)" }
}
