#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Text for the errno values that libsystemd returns negated.
enum SystemError {
    static func text(_ errno: Int32) -> String {
        String(cString: strerror(errno)) + " (errno \(errno))"
    }
}
