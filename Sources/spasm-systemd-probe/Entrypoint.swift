import Logging
import SpasmSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs one piece of the systemd glue in a process of its own, where a service manager (or a stand-in)
/// set up its environment and descriptors:
///   spasm-systemd-probe sockets   prints the passed sockets, then greets one client on each
///   spasm-systemd-probe log       bootstraps service logging and logs one event
@main
struct Probe {
    static func main() throws {
        switch CommandLine.arguments.dropFirst().first {
        case "sockets": try reportSockets()
        case "log": logOneEvent()
        default:
            print("usage: spasm-systemd-probe sockets|log")
            exit(64)
        }
    }

    static func reportSockets() throws {
        let sockets = try SocketActivation.listeningSockets()
        print("LISTEN_FDS=\(getenv("LISTEN_FDS").map { String(cString: $0) } ?? "unset")")
        for socket in sockets { print("fd=\(socket.fd) name=\(socket.name)") }
        for socket in sockets {
            let connection = accept(socket.fd, nil, nil)
            guard connection >= 0 else { print("accept failed on fd \(socket.fd)"); exit(1) }
            let greeting = Array("served by \(socket.name)\n".utf8)
            _ = greeting.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            close(connection)
        }
    }

    static func logOneEvent() {
        ServiceLogging.bootstrap(identifier: "spasmd")
        let logger = Logger(label: "spasmd.probe")
        logger.warning(
            "Ice reminder armed\nfor 14:30",
            metadata: MessageID.started.metadata.merging(["reminder": "ice", "due-at": "14:30"]) { $1 })
    }
}
