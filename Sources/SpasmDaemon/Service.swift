import CLinux
import Foundation
import Logging
import SpasmCore
import SpasmIPC
import SpasmNotify
import SpasmStore
import SpasmSystemd

/// `spasmd [--socket PATH] [--db PATH] [--config PATH]`: the spasm journal service, as the `spasmd`
/// program and the package's multi-call `spasm` run it.
public enum Service {
    static let version = SpasmVersion.current

    public static func main() {
        umask(0o077)
        var arguments = CommandLine.arguments.dropFirst()
        var socket: String?, db: String?, config: String?
        while let argument = arguments.popFirst() {
            switch argument {
            case "--socket": socket = arguments.popFirst()
            case "--db": db = arguments.popFirst()
            case "--config": config = arguments.popFirst()
            case "--version": emit("spasmd \(version)\n", to: STDOUT_FILENO); return
            case "-h", "--help":
                emit("""
                usage: spasmd [--socket PATH] [--db PATH] [--config PATH]
                Keeps the spasm journal and serves it over Varlink at $XDG_RUNTIME_DIR/spasm/spasmd.sock.
                Normally started by systemd (spasmd.socket); started by hand it binds the socket itself.
                SIGTERM or SIGINT stops it; SIGHUP is ignored (restart it to read changed settings).

                """, to: STDOUT_FILENO)
                return
            default:
                emit("spasmd: unknown argument '\(argument)'; see spasmd --help\n", to: STDERR_FILENO)
                exit(64)
            }
        }
        ServiceLogging.bootstrap(identifier: "spasmd")
        let logger = Logger(label: "spasmd")
        let environment = ProcessInfo.processInfo.environment
        guard let socketPath = socket ?? ServiceSocket.path(environment: environment) else {
            logger.critical("no socket path: set XDG_RUNTIME_DIR or pass --socket")
            exit(78)
        }
        do {
            let settings = try LoadedConfiguration.read(from: Locations.configuration(override: config), explicitly: config != nil)
            var options = Daemon.Options(socketPath: socketPath, journalPath: Locations.journal(override: db),
                                         configuration: settings.configuration, version: version)
            options.faults = Set((environment["SPASMD_TEST_FAULTS"] ?? "").split(separator: ",").map(String.init))
            let desktop = HelperNotifier(executable: Locations.companion(named: "spasm-notify", variable: "SPASM_NOTIFY"), arguments: ["spasm"])
            try Daemon(options: options, logger: logger, notifier: SystemdNotifier(), desktop: desktop).run()
        } catch let error as AlreadyServing {
            logger.error("\(error.description)")
            exit(75)
        } catch {
            var metadata = Logger.Metadata()
            if error is JournalError { metadata = MessageID.journalUnavailable.metadata }
            logger.critical("cannot start: \(error)", metadata: metadata)
            exit(error is ConfigurationError ? 78 : 74)
        }
    }

    /// A checked write for the few lines spasmd prints itself: a failure ends it (74, or 141 on EPIPE).
    private static func emit(_ text: String, to fd: Int32) {
        let code = Array(text.utf8).withUnsafeBytes { spasm_write_all(fd, $0.baseAddress, UInt($0.count)) }
        if code != 0 { exit(code == EPIPE ? 141 : 74) }
    }
}
