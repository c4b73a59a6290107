import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A listening socket that the service manager opened and passed to this process.
public struct ActivatedSocket: Hashable, Sendable {
    /// The file descriptor, from 3 (SD_LISTEN_FDS_START) on.
    public let fd: Int32
    /// The name from `FileDescriptorName=` in the socket unit, or "unknown" when none was given.
    public let name: String

    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }
}

/// Sockets passed by socket activation (sd_listen_fds_with_names(3)).
public enum SocketActivation {
    /// The sockets passed to this process; empty when it was started without socket activation.
    ///
    /// Reads and then unsets `LISTEN_PID`, `LISTEN_FDS` and `LISTEN_FDNAMES`, so child processes do
    /// not take the sockets for theirs. The descriptors get close-on-exec. Call it once, at start-up.
    public static func listeningSockets() throws(SocketActivationError) -> [ActivatedSocket] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(1, &names)
        guard count >= 0 else { throw SocketActivationError(errno: -count) }
        defer {
            for index in 0..<Int(count) { free(names?[index]) }
            free(names)
        }
        return (0..<count).map { index in
            let name = names?[Int(index)].map { String(cString: $0) } ?? "unknown"
            return ActivatedSocket(fd: SD_LISTEN_FDS_START + index, name: name)
        }
    }
}

/// The socket-activation variables were present but malformed.
public struct SocketActivationError: Error, Hashable, CustomStringConvertible {
    /// The errno that sd_listen_fds_with_names reported.
    public let errno: Int32

    public var description: String {
        "the passed sockets could not be read: \(SystemError.text(errno)); "
            + "check LISTEN_PID, LISTEN_FDS and LISTEN_FDNAMES, which the service manager sets"
    }
}
