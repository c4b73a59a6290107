import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shows notifications through `spasm-notify`, a process that runs only while it is needed.
///
/// libnotify brings GLib, GIO and a main loop thread: about 4.5 MB resident for as long as they are
/// loaded (bench/daemon). Reminders are on screen a few minutes a day, so spasmd does not load them:
/// the first notification starts the helper, which relays actions and closings, and it is told to
/// exit (end of its input) once nothing is on screen, no answer from the server is awaited and it
/// has seen a server on the bus. While no server is there it stays, to report one appearing.
///
/// If the helper dies, what it was showing can no longer answer: those keys are reported closed
/// and shows still awaiting an answer failed, so the caller retries them through a new helper.
/// Every call is made from one thread (spasmd's loop).
public final class HelperNotifier: Notifier, @unchecked Sendable {
    /// An epoll descriptor over the helpers' sockets and the queue of events made here.
    public let eventDescriptor: Int32
    private let executable: String
    private let arguments: [String]
    private let environment: [String: String]?
    private let made = NotifierEventQueue()
    private var current: Helper?
    /// Helpers told to exit, read until their end so nothing they said is lost.
    private var retiring: [Helper] = []
    private var onScreen: Set<String> = []
    private var awaiting: Set<String> = []
    private var serverPresent = true

    /// - Parameters:
    ///   - executable: the `spasm-notify` to run.
    ///   - arguments: its arguments (the application name).
    ///   - environment: its environment; nil for this process's own.
    public init(executable: String, arguments: [String] = ["spasm"], environment: [String: String]? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        eventDescriptor = epoll_create1(Int32(EPOLL_CLOEXEC))
        watch(made.descriptor)
    }

    deinit {
        for helper in retiring + [current].compactMap({ $0 }) { helper.end() }
        Glibc.close(eventDescriptor)
    }

    /// The helper's process id while one runs (for tests and status).
    public var helperProcess: pid_t? { current?.pid }

    public func show(_ notification: DesktopNotification) {
        guard let json = try? JSONEncoder().encode(notification) else {
            made.post(.failed(key: notification.key, reason: "cannot encode the notification"))
            return
        }
        let helper: Helper
        do { helper = try running() } catch {
            made.post(.failed(key: notification.key, reason: "cannot start \(executable): \(error)"))
            return
        }
        awaiting.insert(notification.key)
        // The helper updates a replaced notification in place under the new key: no `.closed` comes for the old.
        onScreen.subtract(notification.replaces)
        if !helper.send("show " + String(decoding: json, as: UTF8.self)) { lost(helper) }
    }

    public func close(key: String) {
        guard let helper = current, onScreen.contains(key) || awaiting.contains(key) else { return }
        if !helper.send("close \(key)") { lost(helper) }
    }

    public func takeEvents() -> [NotifierEvent] {
        var events = made.take()
        for helper in retiring {
            events += helper.read()
            if helper.ended { finish(helper) }
        }
        if let helper = current {
            for event in helper.read() {
                switch event {
                case .serverAppeared, .serverVanished: helper.reportedServer = true
                default: break
                }
                // A server is assumed until one is missed, so each new helper's first sight of it is
                // no news; only a return after it left is.
                if case .serverAppeared = event, serverPresent { continue }
                track(event)
                events.append(event)
            }
            if helper.ended { lost(helper) } else { retireIfIdle() }
        }
        return events + made.take()
    }

    // MARK: The helper's life

    private func running() throws -> Helper {
        if let current { return current }
        let helper = try Helper(executable: executable, arguments: [executable] + arguments, environment: environment)
        watch(helper.socket)
        current = helper
        return helper
    }

    private func track(_ event: NotifierEvent) {
        switch event {
        case .shown(let key): awaiting.remove(key); onScreen.insert(key)
        case .failed(let key, _): awaiting.remove(key)
        case .closed(let key): onScreen.remove(key)
        case .action: break
        case .serverAppeared: serverPresent = true
        case .serverVanished: serverPresent = false; onScreen.removeAll()
        }
    }

    private func retireIfIdle() {
        // It reports the server's presence once on start; until then a failed show may only mean
        // that no server is there, and ending the helper would leave nobody to see one come.
        guard let helper = current, helper.reportedServer, onScreen.isEmpty, awaiting.isEmpty, serverPresent else { return }
        helper.finishInput()
        retiring.append(helper)
        current = nil
    }

    /// The current helper ended or stopped reading: report what it took with it.
    private func lost(_ helper: Helper) {
        guard helper === current else { return }
        current = nil
        helper.finishInput()
        if helper.ended { finish(helper) } else {
            kill(helper.pid, SIGTERM)
            retiring.append(helper)
        }
        for key in awaiting.sorted() { made.post(.failed(key: key, reason: "spasm-notify ended")) }
        for key in onScreen.sorted() { made.post(.closed(key: key)) }
        awaiting.removeAll()
        onScreen.removeAll()
        // The next helper reports the server afresh.
        serverPresent = true
    }

    private func finish(_ helper: Helper) {
        _ = epoll_ctl(eventDescriptor, EPOLL_CTL_DEL, helper.socket, nil)
        helper.end()
        retiring.removeAll { $0 === helper }
    }

    private func watch(_ descriptor: Int32) {
        var event = epoll_event(events: UInt32(EPOLLIN.rawValue), data: epoll_data_t(fd: descriptor))
        _ = epoll_ctl(eventDescriptor, EPOLL_CTL_ADD, descriptor, &event)
    }
}

/// One `spasm-notify` process and the socket that is both its stdin and its stdout.
private final class Helper {
    let pid: pid_t
    let socket: Int32
    private(set) var ended = false
    /// Whether it has said if a server is on the bus (it does once, on start).
    var reportedServer = false
    private var buffer: [UInt8] = []

    init(executable: String, arguments: [String], environment: [String: String]?) throws {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw SpawnError(errno)
        }
        // A helper that stops reading fails a send after 2 s instead of blocking spasmd's loop.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(pair[0], SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, pair[1], 1)
        // spasmd blocks its signals to read them from a signalfd; the helper starts with none blocked
        // and every signal at its default, so SIGTERM and SIGPIPE end it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = envp.map { posix_spawn(&pid, executable, &actions, &attributes, argv, $0) }
            ?? posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        Glibc.close(pair[1])
        guard status == 0 else {
            Glibc.close(pair[0])
            throw SpawnError(status)
        }
        self.pid = pid
        socket = pair[0]
    }

    /// Sends one command line; false when the helper no longer takes any.
    func send(_ line: String) -> Bool {
        let bytes = Array((line + "\n").utf8)
        var sent = 0
        while sent < bytes.count {
            // Blocking, but bounded by SO_SNDTIMEO: the helper reads each line as it comes.
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// The events it reported since the last read; sets `ended` at the end of its output.
    func read() -> [NotifierEvent] {
        var chunk = [UInt8](repeating: 0, count: 16384)
        while !ended {
            let count = recv(socket, &chunk, chunk.count, Int32(MSG_DONTWAIT))
            if count > 0 { buffer += chunk[..<count]; continue }
            if count < 0, errno == EINTR { continue }
            if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) { ended = true }
            break
        }
        var events: [NotifierEvent] = []
        let decoder = JSONDecoder()
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            if let event = try? decoder.decode(NotifierEvent.self, from: Data(buffer[..<newline])) { events.append(event) }
            buffer.removeSubrange(...newline)
        }
        // An event is one short line; a helper that sends more without a newline is not buffered on.
        if buffer.count > 1 << 20 { buffer.removeAll() }
        return events
    }

    /// Ends its input: the helper closes what it shows and exits.
    func finishInput() {
        shutdown(socket, Int32(SHUT_WR))
    }

    /// Closes the socket and collects the process (it exits once its input ends).
    func end() {
        Glibc.close(socket)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }
}

/// posix_spawn or socketpair failed.
struct SpawnError: Error, CustomStringConvertible {
    let code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { String(cString: strerror(code)) }
}
