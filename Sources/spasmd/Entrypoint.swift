import Foundation
import Logging
import SpasmCore
import SpasmDaemon
import SpasmIPC
import SpasmNotify
import SpasmStore
import SpasmSystemd

/// `spasmd [--socket PATH] [--db PATH] [--config PATH]`: the spasm journal service.
@main
struct Entrypoint {
    static let version = "0.1.0"

    static func main() {
        umask(0o077)
        var arguments = CommandLine.arguments.dropFirst()
        var socket: String?, db: String?, config: String?
        while let argument = arguments.popFirst() {
            switch argument {
            case "--socket": socket = arguments.popFirst()
            case "--db": db = arguments.popFirst()
            case "--config": config = arguments.popFirst()
            case "--version": print("spasmd \(version)"); return
            case "-h", "--help":
                print("""
                usage: spasmd [--socket PATH] [--db PATH] [--config PATH]
                Keeps the spasm journal and serves it over Varlink at $XDG_RUNTIME_DIR/spasm/spasmd.sock.
                Normally started by systemd (spasmd.socket); started by hand it binds the socket itself.
                """)
                return
            default:
                FileHandle.standardError.write(Data("spasmd: unknown argument '\(argument)'; see spasmd --help\n".utf8))
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
}
