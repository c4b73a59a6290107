import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private desktop for one test: its own session bus (dbus-daemon), X display (Xvfb) and
/// notification server (dunst 1.9, printing each notification it receives), in a scratch directory
/// that is also the XDG_RUNTIME_DIR. Tests can run side by side: each session has its own bus,
/// display and directory. Everything stops when the session is released (or at `stop()`).
///
/// The bus offers no activatable services, so while dunst is down nothing starts it: a
/// notification sent then fails, as it would on a desktop without a notification server.
public final class DesktopSession: @unchecked Sendable {
    /// The scratch directory: dunstrc, the menu pick script, dunst's output, the runtime directory.
    public let directory: String
    /// The private bus, for DBUS_SESSION_BUS_ADDRESS.
    public let busAddress: String
    /// The private X display (":5").
    public let display: String
    /// What a process under test needs to find this desktop.
    public var environment: [String: String] {
        ["DBUS_SESSION_BUS_ADDRESS": busAddress, "DISPLAY": display, "XDG_RUNTIME_DIR": directory]
    }
    /// Where dunst's `-print` output collects, across restarts.
    var printPath: String { directory + "/dunst.out" }

    private let lock = NSLock()
    private let bus: Process
    private let xServer: Process
    private var dunst: Process?
    private var launched: [DesktopProcess] = []
    private let dunstPath: String
    let dunstctlPath: String
    let dbusSendPath: String

    /// Starts the bus, the display and dunst; throws with what to install when a tool is missing.
    /// `timeout` is dunst's expiry in seconds for every urgency (0: never), applied to notifications
    /// whose sender leaves the expiry to the server.
    public init(timeout: Int = 0) throws {
        let daemonPath = try tool("dbus-daemon", package: "dbus")
        let xvfbPath = try tool("Xvfb", package: "xvfb")
        dunstPath = try tool("dunst", package: "dunst")
        dunstctlPath = try tool("dunstctl", package: "dunst")
        dbusSendPath = try tool("dbus-send", package: "dbus")

        directory = "/tmp/spasm-desktop-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try DesktopFiles.write(in: directory, timeout: timeout)

        bus = Process()
        bus.executableURL = URL(fileURLWithPath: daemonPath)
        bus.arguments = ["--config-file=\(directory)/bus.conf", "--nofork", "--print-address=1"]
        xServer = Process()
        xServer.executableURL = URL(fileURLWithPath: xvfbPath)
        // -displayfd: Xvfb takes the first free display itself and prints its number once ready.
        xServer.arguments = ["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"]
        var address = "", displayNumber = ""
        do {
            address = try Self.startPrinting(bus, what: "dbus-daemon", log: directory + "/dbus.log")
            displayNumber = try Self.startPrinting(xServer, what: "Xvfb", log: directory + "/xvfb.log")
        } catch {
            for process in [xServer, bus] { end(process) }
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        busAddress = address
        display = ":" + displayNumber
        do {
            try startDunst()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Stops dunst, the display, the bus and anything launched here, and removes the directory.
    public func stop() {
        stopAll()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Starts a program on this desktop (PATH and HOME from here, then `environment`, then `extra`).
    public func launch(_ executable: String, _ arguments: [String] = [], environment extra: [String: String] = [:]) throws -> DesktopProcess {
        let base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory]
        let process = try DesktopProcess(executable, arguments, environment: base.merging(environment) { $1 }.merging(extra) { $1 })
        lock.withLock { launched.append(process) }
        return process
    }

    // MARK: dunst

    /// Starts dunst (again) and waits until it owns org.freedesktop.Notifications.
    public func startDunst() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dunstPath)
        process.arguments = ["-conf", directory + "/dunstrc", "-print"]
        process.environment = environment.merging(["HOME": directory, "PATH": "/usr/bin:/bin"]) { $1 }
        process.standardOutput = try Self.appending(to: printPath)
        process.standardError = try Self.appending(to: directory + "/dunst.log")
        process.standardInput = FileHandle.nullDevice
        try start(process)
        lock.withLock { dunst = process }
        let owned = try Self.waitFor { try serverOwnsName() || !process.isRunning }
        guard owned, process.isRunning else {
            throw DesktopSessionError("dunst did not take org.freedesktop.Notifications: " + log("dunst.log"))
        }
    }

    /// Stops dunst (SIGTERM by default; SIGKILL for a crash) and waits until its name left the bus.
    public func killDunst(signal: Int32 = SIGTERM) throws {
        guard let process = lock.withLock({ () -> Process? in defer { dunst = nil }; return dunst }) else { return }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        guard try Self.waitFor({ try !serverOwnsName() }) else {
            throw DesktopSessionError("org.freedesktop.Notifications still has an owner after dunst exited")
        }
    }

    /// Whether some process owns org.freedesktop.Notifications on this bus.
    public func serverOwnsName() throws -> Bool { try ownsName("org.freedesktop.Notifications") }

    /// Whether `name` has an owner on this desktop's session bus.
    public func ownsName(_ name: String) throws -> Bool {
        let reply = try runToEnd(dbusSendPath, ["--session", "--dest=org.freedesktop.DBus", "--type=method_call", "--print-reply",
                                                "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                                                "string:\(name)"], environment: environment)
        guard reply.status == 0 else { throw DesktopSessionError("dbus-send NameHasOwner failed: \(reply.errors)") }
        return reply.output.contains("boolean true")
    }

    /// One of this desktop's logs ("dunst.log", "xvfb.log", "dbus.log"), for failure messages.
    public func log(_ name: String) -> String {
        (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? "(no \(name))"
    }

    // MARK: Starting and stopping

    /// Runs a daemon whose first line on stdout says it is ready (an address, a display number).
    static func startPrinting(_ process: Process, what: String, log: String) throws -> String {
        let ready = Pipe()
        process.standardOutput = ready
        process.standardError = try appending(to: log)
        process.standardInput = FileHandle.nullDevice
        process.environment = ["PATH": "/usr/bin:/bin"]
        try start(process)
        guard let line = firstLine(of: ready), !line.isEmpty else {
            throw DesktopSessionError("\(what) did not start: " + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
        }
        return line
    }

    private static func appending(to path: String) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DesktopSessionError("cannot write \(path): \(String(cString: strerror(errno)))") }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private func stopAll() {
        let (children, server) = lock.withLock { () -> ([DesktopProcess], Process?) in
            defer { launched = []; dunst = nil }
            return (launched, dunst)
        }
        for child in children { child.stop() }
        for process in [server, xServer, bus].compactMap({ $0 }) { end(process) }
    }
}
