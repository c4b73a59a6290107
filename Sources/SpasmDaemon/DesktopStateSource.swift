import Foundation
import Logging
import SpasmCore
import SpasmSystemd
#if canImport(Glibc)
import Glibc
#endif

/// What the desktop tells spasmd's scheduler: do-not-disturb and the lock changed, or the machine
/// sleeps or woke up.
public enum DesktopEvent: Sendable, Equatable {
    case changed(DesktopState)
    case sleeping
    case resumed
}

/// The desktop-state seam: where do-not-disturb, the screen lock and suspend come from.
public protocol DesktopStateSource: AnyObject {
    /// Starts following the desktop on `loop`; `report` runs on the loop for each change.
    func start(on loop: EventLoop, report: @escaping (DesktopEvent) -> Void) throws
}

/// The in-memory twin: a test says what the desktop does.
public final class DesktopStateTwin: DesktopStateSource {
    private var report: (DesktopEvent) -> Void = { _ in }
    public init() {}
    public func start(on loop: EventLoop, report: @escaping (DesktopEvent) -> Void) throws { self.report = report }
    public func send(_ event: DesktopEvent) { report(event) }
}

/// The real desktop, through sd-bus on the session and system buses (`DesktopWatcher`), polled by
/// spasmd's epoll loop: nothing runs between signals, and no GLib is loaded.
public final class BusDesktopState: DesktopStateSource {
    private let watcher: DesktopWatcher
    /// sd-bus's own deadlines (a call waiting for its answer); disarmed at rest.
    private let deadline: TimerSource

    /// - Parameter environment: whether GNOME's notification setting is worth following is read from it.
    public init(logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let gnome: (() -> Bool?)? = GnomeBannerSetting.follows(environment) ? { GnomeBannerSetting.read() } : nil
        watcher = DesktopWatcher(logger: logger, gnomeBanners: gnome)
        deadline = try TimerSource()
    }

    public func start(on loop: EventLoop, report: @escaping (DesktopEvent) -> Void) throws {
        watcher.onChange = { report(.changed(DesktopState(doNotDisturb: $0, locked: $1))) }
        watcher.onSleep = { report($0 ? .sleeping : .resumed) }
        watcher.start()
        awaitFirstAnswers()
        for bus in watcher.buses {
            try loop.watch(bus.fd, events: bus.events) { [unowned self] _ in
                if !bus.process() { loop.unwatch(bus.fd) }
                settle(loop)
            }
        }
        try loop.watch(deadline.fd) { [unowned self] _ in
            deadline.acknowledge()
            for bus in watcher.buses { bus.process() }
            settle(loop)
        }
        settle(loop)
    }

    /// The state at start, before spasmd plans for the first time: a reminder due then must not slip
    /// past do-not-disturb. Buses answer within milliseconds; a stuck one is given half a second.
    private func awaitFirstAnswers() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let end = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 + 0.5
        while watcher.unanswered > 0 {
            clock_gettime(CLOCK_MONOTONIC, &now)
            let left = end - (Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)
            guard left > 0 else { return }
            var fds = watcher.buses.map { pollfd(fd: $0.fd, events: Int16($0.events), revents: 0) }
            guard poll(&fds, nfds_t(fds.count), Int32(left * 1000) + 1) > 0 else { return }
            for bus in watcher.buses { bus.process() }
        }
    }

    /// After sd-bus ran: wait for output room only while it has something queued, and wake at its
    /// earliest deadline, if any.
    private func settle(_ loop: EventLoop) {
        var earliest: UInt64?
        for bus in watcher.buses {
            loop.change(bus.fd, events: bus.events)
            if let due = bus.deadline { earliest = min(earliest ?? due, due) }
        }
        guard let earliest else { return deadline.disarm() }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nowMicroseconds = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
        deadline.arm(after: .microseconds(Int64(earliest > nowMicroseconds ? earliest - nowMicroseconds : 0)))
    }
}

/// GNOME's do-not-disturb is the setting org.gnome.desktop.notifications show-banners. dconf has no
/// read call on the bus (readers map its database file), so spasmd asks `gsettings`, GNOME's own
/// reader, in a short-lived process: at start and whenever dconf announces a write there. GLib stays
/// in that process, never in spasmd.
enum GnomeBannerSetting {
    /// Followed on a GNOME session, or wherever a dconf database exists.
    static func follows(_ environment: [String: String]) -> Bool {
        if environment["XDG_CURRENT_DESKTOP"]?.split(separator: ":").contains(where: { $0.uppercased().hasSuffix("GNOME") }) == true {
            return true
        }
        let config = environment["XDG_CONFIG_HOME"] ?? (environment["HOME"].map { $0 + "/.config" } ?? "")
        return !config.isEmpty && access(config + "/dconf/user", F_OK) == 0
    }

    /// show-banners as gsettings prints it ("true" / "false"), or nil when it cannot be read.
    static func read() -> Bool? {
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        for end in pipe { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let words: [String] = ["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, "gsettings", &actions, &attributes, argv, environ)
        Glibc.close(pipe[1])
        defer { Glibc.close(pipe[0]) }
        guard status == 0 else { return nil }
        var output = [UInt8](), buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = Glibc.read(pipe[0], &buffer, buffer.count)
            if count > 0 { output += buffer.prefix(count); continue }
            if count < 0, errno == EINTR { continue }
            break
        }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0, errno == EINTR {}
        switch String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}
