import Foundation
import Logging
import SpasmCore
import SpasmIPC
import SpasmNotify
import SpasmStore
import SpasmSystemd
#if canImport(Glibc)
import Glibc
#endif

/// spasmd: keeps the journal and serves it over Varlink, under systemd or started by hand.
///
/// Start-up order matters to systemd: READY=1 is sent only once the journal is open and the
/// socket is listening, so a client that systemd lets through is served.
public final class Daemon {
    public struct Options: Sendable {
        /// Where to bind when systemd passes no socket.
        public var socketPath: String
        public var journalPath: String
        public var configuration: Configuration
        public var version: String
        /// Test-only faults (SPASMD_TEST_FAULTS=hang): SIGUSR1 then stops the main loop dead, for watchdog tests.
        public var faults: Set<String> = []

        public init(socketPath: String, journalPath: String, configuration: Configuration, version: String) {
            self.socketPath = socketPath
            self.journalPath = journalPath
            self.configuration = configuration
            self.version = version
        }
    }

    private let options: Options
    private let logger: Logger
    private let notifier: any ServiceNotifying
    private let desktop: any Notifier
    private let desktopState: (any DesktopStateSource)?

    /// - Parameters:
    ///   - notifier: tells the service manager about start-up, status and shutdown.
    ///   - desktop: shows the reminders.
    ///   - desktopState: do-not-disturb, the screen lock and suspend; by default read from the D-Bus buses.
    public init(options: Options, logger: Logger, notifier: any ServiceNotifying, desktop: any Notifier,
                desktopState: (any DesktopStateSource)? = nil) {
        self.options = options
        self.logger = logger
        self.notifier = notifier
        self.desktop = desktop
        self.desktopState = desktopState
    }

    /// Serves until SIGTERM or SIGINT, then finishes what is in flight and returns.
    public func run() throws {
        let loop = try EventLoop()
        // SIGHUP (a closed terminal, or `kill -HUP` by habit) is ignored: settings are read at start,
        // and `systemctl --user restart spasmd` reads them again.
        let signals = try SignalSource([SIGTERM, SIGINT, SIGUSR1, SIGHUP])
        let timeout = Duration.milliseconds(options.configuration.busyTimeoutMilliseconds)
        let journal = try Journal.open(at: options.journalPath, busyTimeout: timeout)
        var service = JournalService(journal: journal, version: options.version, logger: logger)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let book = CareBook(journal: journal, configuration: options.configuration, calendar: calendar)
        let care = try CareScheduler(book: book, notifier: desktop, logger: logger)
        care.suggestions = SuggestionReview(journal: journal, configuration: options.configuration, calendar: calendar,
                                            notifier: desktop, logger: logger)
        let status = StatusLine(journal: journal, care: care)
        service.statusLine = { status.text }
        service.care = JournalService.Care(book: book, status: { care.status() })
        // The file is the only channel from the CLI (and any other writer): every change to it,
        // whoever made it, reaches the scheduler through the watcher, requests served here included.
        let watcher = try JournalWatcher(journalPath: journal.path)
        try loop.watch(watcher.fd) { _ in
            if watcher.takeEvents() { care.journalFileChanged() }
        }

        let server = try VarlinkServer(loop: loop, logger: logger) { service.reply(to: $0) }
        let activated = try SocketActivation.listeningSockets()
        if activated.isEmpty {
            try server.listen(on: try UnixSocket.listen(at: options.socketPath))
            logger.info("listening", metadata: ["socket": "\(options.socketPath)"])
        } else {
            for socket in activated { try server.listen(on: socket.fd) }
            logger.info("listening on sockets from systemd", metadata: ["count": "\(activated.count)"])
        }
        care.onStatusChange = { [notifier] in
            if status.refresh() { try? notifier.status(status.text) }
        }

        let watchdog = try Watchdog.interval().map { interval -> TimerSource in
            let timer = try TimerSource()
            timer.arm(after: interval / 2, every: interval / 2)
            return timer
        }
        if let watchdog {
            try loop.watch(watchdog.fd) { [notifier, logger] _ in
                watchdog.acknowledge()
                do { try notifier.watchdog() } catch {
                    logger.warning("watchdog ping failed", metadata: MessageID.watchdogMissed.metadata)
                }
            }
        }

        try loop.watch(signals.fd) { [options, logger] _ in
            for signal in signals.take() {
                if signal == SIGUSR1, options.faults.contains("hang") {
                    logger.warning("test fault: the main loop stops answering now")
                    while true { sleep(3600) }
                }
                if signal == SIGHUP { logger.notice("SIGHUP ignored; restart spasmd to read changed settings") }
                if signal == SIGTERM || signal == SIGINT { loop.stop() }
            }
        }

        // Do-not-disturb and the lock as they are now come first, so the first plan respects them.
        let following = try desktopState ?? BusDesktopState(logger: logger)
        try following.start(on: loop) { event in
            switch event {
            case .changed(let state): care.desktopChanged(state)
            case .resumed: care.resumed()
            case .sleeping: break
            }
        }
        try care.start(on: loop)
        _ = status.refresh()
        do { try notifier.ready(status: status.text) } catch {
            // Without a manager listening there is no one to tell; keep serving.
            logger.warning("could not tell the service manager that spasmd is ready: \(error)")
        }
        var started = MessageID.started.metadata
        started["journal"] = "\(journal.path)"
        started["version"] = "\(options.version)"
        logger.info("spasmd started", metadata: started)

        withExtendedLifetime(following) { loop.run() }

        // A request being answered when the signal came has finished (the loop is single-threaded);
        // what is still queued for clients is sent before exit.
        try? notifier.stopping(status: "stopping")
        logger.info("spasmd stopping", metadata: MessageID.stopping.metadata)
        server.stopAccepting()
        server.drain()
    }
}

/// The line `systemctl --user status spasmd` shows: "journal open (212 entries); 2 reminders pending; …".
final class StatusLine: @unchecked Sendable {
    private let journal: Journal
    private let care: CareScheduler
    private(set) var text = "starting"

    init(journal: Journal, care: CareScheduler) {
        self.journal = journal
        self.care = care
    }

    /// Recomputes the line; true when it changed.
    func refresh() -> Bool {
        let count = (try? journal.count()).map { "\($0) entries" } ?? "journal unreadable"
        let line = "journal open (\(count)); \(care.statusText())"
        defer { text = line }
        return line != text
    }
}
