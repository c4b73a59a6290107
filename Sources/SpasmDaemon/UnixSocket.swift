import CLinux
import Foundation
import SpasmIPC
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
        let address = try socketAddress(path)
        // The socket file is created with the umask in force: make it private from the start.
        let oldMask = umask(0o177)
        defer { umask(oldMask) }
        guard address.bind(fd) == 0 else { let error = SystemCallError("bind \(path)"); close(fd); throw error }
        guard Glibc.listen(fd, SOMAXCONN) == 0 else { let error = SystemCallError("listen"); close(fd); throw error }
        return fd
    }

    static func socketAddress(_ path: String) throws -> UnixAddress {
        guard let address = UnixAddress(path: path) else { throw SystemCallError("bind \(path): path too long", code: ENAMETOOLONG) }
        return address
    }

    /// Whether something accepts connections at `path` right now.
    static func connectable(_ path: String) throws -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return try socketAddress(path).connect(fd) == 0
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
